import { ChaosTier } from '../chaos-tier.ts';
import { MemoryTier } from '../memory-tier.ts';
import type { TieredCacheOptions } from '../tiered-cache-options.ts';
import { TieredCache } from '../tiered-cache.ts';

/** What the TieredCache test files share: caches over a chaos-wrapped stand-in for Redis. */

export const MINUTE = 60_000;

const caches: TieredCache[] = [];

/** Closes the cache with the others at {@link closeCaches}. */
export function trackCache(cache: TieredCache): void {
  caches.push(cache);
}

/**
 * A cache whose shared tier is an in-memory stand-in wrapped in a ChaosTier; closed by
 * {@link closeCaches}.
 */
export function setupCache(
  options: TieredCacheOptions = {},
  remote = new ChaosTier(new MemoryTier({ name: 'redis' })),
): { cache: TieredCache; remote: ChaosTier } {
  const cache = new TieredCache({
    redis: remote,
    breaker: { timeoutMs: 50, probeIntervalMs: 25 },
    ...options,
  });
  trackCache(cache);
  return { cache, remote };
}

/** Closes every cache made since the last call (an `afterEach` of each file). */
export async function closeCaches(): Promise<void> {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
}

/** A clock the test moves by hand: `clock()` reads it, `advance(ms)` moves it on. */
export const manualClock = () => {
  let now = 1_000;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
};
