import { TIERED_CACHE_DEFAULTS, familyOfKey } from '@taurine/cache';
import type { TieredCache } from '@taurine/cache';
import type { CacheKeyStatistics } from '@taurine/monitor/operations';

/** What the catalogue tells the watch about each read through the cache. */
export interface CacheKeyObserver {
  /** A read of `key` through the cache. */
  lookup(key: string): void;
  /** The loader of `key` ran (every tier missed). */
  load(key: string): void;
}

interface KeyRecord {
  lookups: number;
  loads: number;
  lastLookupAt: number | null;
  intervalSum: number;
  intervals: number;
  lastLoadAt: number | null;
  earlyReloads: number;
}

/** Options of {@link createCacheKeyWatch}. */
export interface CacheKeyWatchOptions {
  /** The TTL a key's writes get now. */
  ttlOf: (key: string) => number;
  /** Keys watched; reads of further keys are not tracked until the window rotates. @default 1000 */
  capacity?: number;
  /** Figures cover at most this long; then they start over. @default 3600000 (1 h) */
  windowMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** Per-key reads, loads and reload timing over a bounded window, for suggestions and responses. */
export interface CacheKeyWatch extends CacheKeyObserver {
  /** Keys with their figures, most read first. */
  keys(): CacheKeyStatistics[];
  /** Loads per hour per key family, with its current TTL. */
  families(): { family: string; loadsPerHour: number; ttlMs: number }[];
}

/** A bounded watch over cache keys (see {@link CacheKeyWatch}). */
export function createCacheKeyWatch(options: CacheKeyWatchOptions): CacheKeyWatch {
  const { ttlOf, capacity = 1000, windowMs = 3_600_000 } = options;
  const now = options.now ?? Date.now;
  let records = new Map<string, KeyRecord>();
  let windowStart = now();
  const recordOf = (key: string, at: number): KeyRecord | undefined => {
    if (at - windowStart > windowMs) {
      records = new Map();
      windowStart = at;
    }
    let record = records.get(key);
    if (record === undefined && records.size < capacity) {
      record = {
        lookups: 0,
        loads: 0,
        lastLookupAt: null,
        intervalSum: 0,
        intervals: 0,
        lastLoadAt: null,
        earlyReloads: 0,
      };
      records.set(key, record);
    }
    return record;
  };
  const perHour = (count: number) => (count * 3_600_000) / Math.max(60_000, now() - windowStart);
  return {
    lookup(key) {
      const at = now();
      const record = recordOf(key, at);
      if (record === undefined) return;
      record.lookups += 1;
      if (record.lastLookupAt !== null) {
        record.intervalSum += at - record.lastLookupAt;
        record.intervals += 1;
      }
      record.lastLookupAt = at;
    },
    load(key) {
      const at = now();
      const record = recordOf(key, at);
      if (record === undefined) return;
      record.loads += 1;
      if (record.lastLoadAt !== null && at - record.lastLoadAt < ttlOf(key))
        record.earlyReloads += 1;
      record.lastLoadAt = at;
    },
    keys() {
      return [...records.entries()]
        .map(([key, record]) => ({
          key,
          lookups: record.lookups,
          hitRate: record.lookups === 0 ? null : Math.max(0, 1 - record.loads / record.lookups),
          ttlMs: ttlOf(key),
          meanAccessIntervalMs:
            record.intervals === 0 ? null : record.intervalSum / record.intervals,
          earlyReloads: record.earlyReloads,
        }))
        .sort((a, b) => b.lookups - a.lookups);
    },
    families() {
      const loads = new Map<string, { loads: number; ttlMs: number }>();
      for (const [key, record] of records) {
        const family = familyOfKey(key);
        if (family === undefined) continue;
        const held = loads.get(family) ?? { loads: 0, ttlMs: ttlOf(key) };
        held.loads += record.loads;
        loads.set(family, held);
      }
      return [...loads.entries()].map(([family, { loads: count, ttlMs }]) => ({
        family,
        loadsPerHour: perHour(count),
        ttlMs,
      }));
    },
  };
}

/** The TTL a write of `key` gets from `cache` now: its family's, else the cache default. */
export function ttlOfKey(cache: TieredCache): (key: string) => number {
  return (key) => {
    const family = familyOfKey(key);
    return family === undefined ? TIERED_CACHE_DEFAULTS.defaultTtlMs : cache.familyTtl(family);
  };
}
