const MINUTE = 60_000;

/**
 * Time to live per key family, in milliseconds. A family is also the first segment of the keys it
 * covers (`data:flavors:v1` is a `data` key), so a TTL can be found from the key alone.
 */
export const CACHE_TTL_PRESETS = {
  /** Static reference data (flavours, caffeine tables): 24 h. */
  data: 24 * 60 * MINUTE,
  /** User preferences: 30 min. */
  preferences: 30 * MINUTE,
  /** Search results: 5 min. */
  search: 5 * MINUTE,
  /** API responses: 10 min. */
  api: 10 * MINUTE,
  /** Metrics and statistics: 5 min. */
  metrics: 5 * MINUTE,
} as const satisfies Record<string, number>;

/** A key family with a TTL preset. */
export type CacheKeyFamily = keyof typeof CACHE_TTL_PRESETS;

/** The family named by the first segment of `key`, if it is one of {@link CACHE_TTL_PRESETS}. */
export function familyOfKey(key: string): CacheKeyFamily | undefined {
  const end = key.indexOf(':');
  const head = end === -1 ? key : key.slice(0, end);
  return Object.hasOwn(CACHE_TTL_PRESETS, head) ? (head as CacheKeyFamily) : undefined;
}
