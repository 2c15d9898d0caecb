import type { TierStatus } from './cache-tier.ts';
import { LatencyRecorder } from './latency-recorder.ts';

/** Per-tier statistics. Rates are `null` until there is something to divide by. */
export interface TierStats {
  name: string;
  status: TierStatus;
  hits: number;
  misses: number;
  errors: number;
  /** hits / (hits + misses); `null` without lookups. */
  hitRate: number | null;
  avgResponseMs: number | null;
  p95ResponseMs: number | null;
  /** Bytes held (`null` when the tier could not be asked). */
  bytes: number | null;
  keys: number | null;
  /** Entries pushed out because the tier was full; `null` where not tracked (Redis). */
  evictions: number | null;
  /** Uncompressed over stored bytes; `null` where not tracked or empty. */
  compressionRatio: number | null;
  /** Bytes compression saves on what is held now; `null` where not tracked. */
  bytesSaved: number | null;
}

/** Everything `stats()` reports. */
export interface CacheStats {
  tiers: TierStats[];
  /** Requests (`get`/`getOrLoad`); a request answered by any tier is a hit. */
  overall: { requests: number; hits: number; misses: number; hitRate: number | null };
  loader: { calls: number; errors: number; avgMs: number | null; p95Ms: number | null };
  /** Loads in flight right now. */
  inflight: number;
  /** Invalidations waiting for Redis to come back. */
  pendingInvalidations: number;
}

/** Lookup outcomes and timings of one tier, as counted by `TieredCache`. */
export class TierCounters {
  hits = 0;
  misses = 0;
  errors = 0;
  readonly latency = new LatencyRecorder();
}

export const hitRate = (hits: number, misses: number): number | null =>
  hits + misses === 0 ? null : hits / (hits + misses);
