import type { TierStatus } from './cache-tier.ts';

/** How a lookup in one tier ended. */
export type LookupOutcome = 'hit' | 'miss' | 'error';

/**
 * Where `TieredCache` reports what it does, so a monitoring package can record it without this
 * package depending on one. Every method is optional and must be cheap: `recordLookup` runs on the
 * hot path. Exceptions thrown by an implementation are swallowed.
 */
export interface CacheMetrics {
  /**
   * One lookup in `tier`. `durationMs` is set for every Redis lookup and for a sample of memory
   * lookups (timing each one would cost more than the lookup), and `undefined` otherwise.
   */
  recordLookup?(tier: string, outcome: LookupOutcome, durationMs: number | undefined): void;
  /** One loader call. */
  recordLoad?(outcome: 'success' | 'error', durationMs: number): void;
  /** One entry pushed out of `tier` because it was full. */
  recordEviction?(tier: string): void;
  /** `tier` changed health, e.g. Redis' circuit breaker opened (`down`) or closed (`up`). */
  recordStatus?(tier: string, status: TierStatus): void;
  /** A tier or bus operation failed; the request it served did not. */
  recordError?(tier: string, operation: string, error: unknown): void;
}
