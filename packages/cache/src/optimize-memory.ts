import { CacheError } from './cache-error.ts';
import type { LocalCacheTier } from './cache-tier.ts';
import { MEMORY_TIER_DEFAULTS } from './memory-tier-options.ts';
import type { OptimizeMemoryOptions, OptimizeMemoryResult } from './tiered-cache-options.ts';

/**
 * What `TieredCache.optimizeMemory()` does, on its memory tier: drop every expired entry (they
 * hold memory until read or pushed out), then the least recently used entries down to
 * `targetShare` of the tier's bound, then run a full garbage collection when one is available,
 * measuring the heap around the whole.
 */
export function optimizeMemoryTier(
  memory: LocalCacheTier,
  options: OptimizeMemoryOptions,
  process: { heapUsed: () => number; collectGarbage: (() => void) | undefined },
): OptimizeMemoryResult {
  const share = options.targetShare ?? MEMORY_TIER_DEFAULTS.trimTargetRatio;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new CacheError('INVALID_OPTIONS', 'optimizeMemory: targetShare must be from 0 to 1');
  }
  // Read at each call: Node's own `gc` exists only under --expose-gc.
  const globalGc = (globalThis as { gc?: unknown }).gc;
  const collectGarbage =
    process.collectGarbage ??
    (typeof globalGc === 'function' ? (globalGc as () => void) : undefined);
  const heapBytesBefore = process.heapUsed();
  // A target above any size only purges what has expired.
  const expired = memory.trim(Number.POSITIVE_INFINITY);
  const trimmed = memory.trim(Math.floor(memory.maxBytes * share));
  collectGarbage?.();
  return {
    gcRan: collectGarbage !== undefined,
    heapBytesBefore,
    heapBytesAfter: process.heapUsed(),
    tierBytesBefore: expired.bytesBefore,
    tierBytesAfter: trimmed.bytesAfter,
    entriesRemoved: expired.removed + trimmed.removed,
    expiredEntriesRemoved: expired.removed,
    trimmedEntriesRemoved: trimmed.removed,
  };
}
