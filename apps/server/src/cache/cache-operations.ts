import type { TieredCache, WarmResult } from '@taurine/cache';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { DEFAULT_WARM_KEYS } from '../catalog/catalog-service.ts';

/** Operator actions on the cache that need the catalogue's loaders. */
export interface CacheOperations {
  /**
   * Warms `keys`, or the most used keys when none are given; when nothing was used yet (a fresh
   * start), the catalogue basics.
   */
  warm(keys?: readonly string[]): Promise<WarmResult>;
}

export function createCacheOperations(
  cache: TieredCache,
  catalog: CatalogService,
): CacheOperations {
  const loaders = (key: string) => catalog.loaderFor(key);
  return {
    async warm(keys) {
      if (keys && keys.length > 0) {
        // A key nobody can load is a failure the operator should see, not a silent skip.
        const wanted = [...new Set(keys)].slice(0, 500);
        const loadable = wanted.filter((key) => loaders(key) !== undefined);
        const result = await cache.warm(loadable, loaders);
        for (const key of wanted) {
          if (!loadable.includes(key))
            result.failed.push({ key, error: new Error('no loader for this key') });
        }
        return result;
      }
      const popular = await cache.warm('popular', loaders);
      if (popular.warmed.length + popular.skipped.length + popular.failed.length > 0)
        return popular;
      return cache.warm(DEFAULT_WARM_KEYS, loaders);
    },
  };
}
