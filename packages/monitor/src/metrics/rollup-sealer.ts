import { ByteWriter } from './byte-codec.ts';
import { COMPACT_BUCKETS } from './compact-buckets.ts';
import { DDSketch } from './dd-sketch.ts';
import type { SeriesState } from './metric-state.ts';
import type { RetentionOptions } from './registry-options.ts';
import type { RollupStore } from './rollup-store.ts';
import { FIVE_MINUTES_MS, HOUR_MS, MINUTE_MS, floorTo } from './windows.ts';

/**
 * Moves data down the resolutions of a series (Prometheus-style down-sampling, where a coarse
 * rollup always equals the merge of the finer data of its bucket):
 * - the live minute is closed into a minute rollup when its minute ends;
 * - an hour is sealed as soon as it is complete, from its 5-minute rollups where they exist and
 *   its minutes elsewhere;
 * - a 5-minute block is only materialised (from its minutes) when its minutes are about to leave
 *   minute retention: while the minutes exist the 5-minute rollups would duplicate them, and they
 *   are the largest part of a series' memory.
 * Then drops what is past retention. Holds the scratch sketch and writer it reuses. Internal.
 */
export class RollupSealer {
  private readonly scratch = new DDSketch();
  private readonly writer = new ByteWriter(4096);

  constructor(private readonly retention: RetentionOptions) {}

  /** Closes the live minute starting at `minuteStart` into a minute rollup (merging if present). */
  closeLiveMinute(series: SeriesState, minuteStart: number): void {
    const count = series.liveCount;
    if (count === 0) return;
    this.sealCompleteHour(series, minuteStart);
    let sum = series.liveSum;
    let min = series.liveMin;
    let max = series.liveMax;
    const writer = this.writer;
    writer.reset();
    const store = series.minutes;
    const existing = store.indexOf(minuteStart);
    let total = count;
    if (existing >= 0) {
      // A loaded rollup for this very minute (restart within the minute): add to it.
      const entry = store.read(existing);
      total += entry.count;
      sum += entry.sum;
      min = Math.min(min, entry.min);
      max = Math.max(max, entry.max);
      if (series.sketch !== null) {
        const scratch = this.scratch;
        scratch.clear();
        scratch.addEncodedBuckets(entry.bytes, entry.sketchBegin, entry.sketchEnd, COMPACT_BUCKETS);
        scratch.mergeBuckets(series.sketch);
        scratch.encodeBuckets(writer, COMPACT_BUCKETS);
      }
    } else if (series.sketch !== null) {
      series.sketch.encodeBuckets(writer, COMPACT_BUCKETS);
    }
    store.write(
      minuteStart,
      total,
      sum,
      min,
      max,
      series.last,
      writer.bytes,
      0,
      writer.length,
      true,
    );
    series.totalCount += count;
    series.totalSum += series.liveSum;
    series.pendingHour = floorTo(minuteStart, HOUR_MS);
    series.resetLive();
  }

  /** Seals the pending hour of `series` if it ended at or before `boundary`. */
  sealCompleteHour(series: SeriesState, boundary: number): void {
    const hour = series.pendingHour;
    if (hour === hour && hour + HOUR_MS <= boundary) {
      this.sealHour(series, hour);
      series.pendingHour = NaN;
    }
  }

  /** Writes the hourly rollup starting at `hour`; false when the hour holds no data. */
  sealHour(series: SeriesState, hour: number): boolean {
    this.begin(series.hours.withSketch);
    for (let block = hour; block < hour + HOUR_MS; block += FIVE_MINUTES_MS) {
      const five = series.fiveMinutes.indexOf(block);
      if (five >= 0) this.collect(series.fiveMinutes, five, five + 1);
      else {
        const minutes = series.minutes;
        this.collect(
          minutes,
          minutes.lowerBound(block),
          minutes.lowerBound(block + FIVE_MINUTES_MS),
        );
      }
    }
    return this.finish(series.hours, hour);
  }

  /**
   * Materialises the 5-minute rollups of every block starting before `limit` that has minutes but
   * no 5-minute rollup yet. Called before minutes are dropped, with a limit at least as late as the
   * horizon queries read 5-minute rollups from.
   */
  materialiseFiveMinutes(series: SeriesState, limit: number): void {
    const minutes = series.minutes;
    let block = NaN;
    for (let position = minutes.firstPosition; position < minutes.endPosition; position++) {
      const start = minutes.startAt(position);
      if (start >= limit) return;
      const startOfBlock = floorTo(start, FIVE_MINUTES_MS);
      if (startOfBlock === block) continue;
      block = startOfBlock;
      if (block + FIVE_MINUTES_MS > limit || series.fiveMinutes.indexOf(block) >= 0) continue;
      this.begin(minutes.withSketch);
      this.collect(minutes, position, minutes.lowerBound(block + FIVE_MINUTES_MS));
      this.finish(series.fiveMinutes, block);
    }
  }

  private count = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;
  private last = NaN;
  private withSketch = false;

  private begin(withSketch: boolean): void {
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.last = NaN;
    this.withSketch = withSketch;
    if (withSketch) this.scratch.clear();
  }

  /** Adds the rollups at positions `[first, stop)` of `source`, in time order. */
  private collect(source: RollupStore, first: number, stop: number): void {
    for (let position = first; position < stop; position++) {
      const entry = source.read(position);
      this.count += entry.count;
      this.sum += entry.sum;
      if (entry.min < this.min) this.min = entry.min;
      if (entry.max > this.max) this.max = entry.max;
      this.last = entry.last;
      if (this.withSketch) {
        const { bytes, sketchBegin, sketchEnd } = entry;
        this.scratch.addEncodedBuckets(bytes, sketchBegin, sketchEnd, COMPACT_BUCKETS);
      }
    }
  }

  private finish(target: RollupStore, start: number): boolean {
    if (this.count === 0) return false;
    const writer = this.writer;
    writer.reset();
    if (this.withSketch) this.scratch.encodeBuckets(writer, COMPACT_BUCKETS);
    const { count, sum, min, max, last } = this;
    target.write(start, count, sum, min, max, last, writer.bytes, 0, writer.length, true);
    return true;
  }

  /** Drops rollups whose bucket ended `retention` or more before `now`. */
  applyRetention(series: SeriesState, now: number): void {
    const retention = this.retention;
    series.minutes.dropBefore(now - retention.minuteMs - MINUTE_MS + 1);
    series.fiveMinutes.dropBefore(now - retention.fiveMinuteMs - FIVE_MINUTES_MS + 1);
    series.hours.dropBefore(now - retention.hourMs - HOUR_MS + 1);
  }

  /** Whether a rollup of `resolutionMs` starting at `start` is already past retention at `now`. */
  isExpired(start: number, resolutionMs: number, now: number): boolean {
    const keep =
      resolutionMs === MINUTE_MS
        ? this.retention.minuteMs
        : resolutionMs === FIVE_MINUTES_MS
          ? this.retention.fiveMinuteMs
          : this.retention.hourMs;
    return start + resolutionMs <= now - keep;
  }
}
