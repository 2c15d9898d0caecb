import { assertValidKey, CACHE_KEY_LIMITS } from './cache-key.ts';
import type { CacheStack } from './cache-stack.ts';
import type { ReadThroughHandler } from './read-through-handler.ts';
import type { Loader, WarmLoaders, WarmOptions, WarmResult } from './tiered-cache-options.ts';
import { TIERED_CACHE_DEFAULTS } from './tiered-cache-options.ts';

const loaderFor = (loaders: WarmLoaders, key: string): Loader<unknown> | undefined =>
  typeof loaders === 'function'
    ? loaders(key)
    : Object.hasOwn(loaders, key)
      ? loaders[key]
      : undefined;

/** Valid keys not yet in memory (all valid keys with `refresh`); the rest go to skipped or failed. */
function keysToFetch(
  stack: CacheStack,
  candidates: readonly string[],
  options: WarmOptions,
  result: WarmResult,
): string[] {
  const toFetch: string[] = [];
  for (const key of candidates) {
    try {
      assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
      stack.ttlFor(key, options);
    } catch (error) {
      result.failed.push({ key, error });
      continue;
    }
    if (!options.refresh && stack.memory.has(key)) result.skipped.push(key);
    else toFetch.push(key);
  }
  return toFetch;
}

/** Promotes what Redis holds in one round trip; returns the keys left for their loaders. */
async function fetchFromRedis(
  stack: CacheStack,
  toFetch: string[],
  options: WarmOptions,
  result: WarmResult,
): Promise<string[]> {
  const redis = stack.usableRedis();
  if (!redis || options.refresh || toFetch.length === 0) return toFetch;
  const epoch = stack.epoch;
  try {
    const entries = await redis.getMany(toFetch);
    const toLoad: string[] = [];
    toFetch.forEach((key, index) => {
      const entry = entries[index];
      if (entry && stack.promote(key, entry, stack.ttlFor(key, options), epoch) !== undefined) {
        result.warmed.push(key);
      } else {
        toLoad.push(key);
      }
    });
    return toLoad;
  } catch (error) {
    stack.remoteFailed('getMany', error);
    return toFetch;
  }
}

/**
 * What `TieredCache.warm()` does: picks the keys (given, or the most read ones), skips those in
 * memory unless `refresh`, reads the rest from Redis in one round trip, and runs the remaining
 * loaders `concurrency` at a time, joining any load of the same key already in flight.
 */
export async function warmCache(
  stack: CacheStack,
  reads: ReadThroughHandler,
  keys: readonly string[] | 'popular',
  loaders: WarmLoaders,
  options: WarmOptions,
): Promise<WarmResult> {
  const limit = options.limit ?? TIERED_CACHE_DEFAULTS.warmLimit;
  const concurrency = Math.max(1, options.concurrency ?? TIERED_CACHE_DEFAULTS.warmConcurrency);
  const candidates = keys === 'popular' ? stack.memory.popularKeys(limit) : [...new Set(keys)];
  const result: WarmResult = { warmed: [], skipped: [], failed: [] };
  const toFetch = keysToFetch(stack, candidates, options, result);
  const toLoad = await fetchFromRedis(stack, toFetch, options, result);

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < toLoad.length) {
      const key = toLoad[next++]!;
      const loader = loaderFor(loaders, key);
      if (!loader) {
        result.skipped.push(key);
        continue;
      }
      try {
        const { value } = await reads.loadShared(key, loader, stack.ttlFor(key, options));
        if (value === undefined) result.skipped.push(key);
        else result.warmed.push(key);
      } catch (error) {
        result.failed.push({ key, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, toLoad.length) }, worker));
  return result;
}
