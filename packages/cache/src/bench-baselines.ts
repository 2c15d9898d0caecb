/**
 * Baselines for `test/bench/cache.bench.ts` (exported through `@taurine/cache/testing`, not the
 * package's entry): a raw `lru-cache` configured like the memory tier, so the benchmark compares
 * the wrapper with the library alone.
 */
import { LRUCache } from 'lru-cache';

/** A raw LRU bounded by bytes with TTL tracking on, as `MemoryTier` configures it. */
export function createRawLru(maxBytes: number): LRUCache<string, { value: unknown }> {
  return new LRUCache<string, { value: unknown }>({
    maxSize: maxBytes,
    sizeCalculation: () => 100,
  });
}
