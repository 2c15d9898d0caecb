/** Average and tail of recent response times. */
export interface LatencySummary {
  /** Timed operations since start. */
  count: number;
  /** Mean over every timed operation; `null` before the first. */
  avgMs: number | null;
  /** 95th percentile of the most recent samples; `null` before the first. */
  p95Ms: number | null;
}

/**
 * Keeps an exact count and sum, and the last `capacity` samples in a ring for the p95, so memory is
 * fixed and `summary()` sorts at most `capacity` numbers.
 */
export class LatencyRecorder {
  readonly #samples: Float64Array;
  #next = 0;
  #count = 0;
  #sum = 0;

  constructor(capacity = 512) {
    this.#samples = new Float64Array(capacity);
  }

  record(ms: number): void {
    this.#samples[this.#next] = ms;
    this.#next = (this.#next + 1) % this.#samples.length;
    this.#count++;
    this.#sum += ms;
  }

  summary(): LatencySummary {
    if (this.#count === 0) return { count: 0, avgMs: null, p95Ms: null };
    const recent = this.#samples.slice(0, Math.min(this.#count, this.#samples.length)).sort();
    const p95 = recent[Math.min(recent.length - 1, Math.floor(0.95 * recent.length))]!;
    return { count: this.#count, avgMs: this.#sum / this.#count, p95Ms: p95 };
  }
}
