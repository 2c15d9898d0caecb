/** A tag set: keys to values, e.g. `{ endpoint: '/graphql', device: 'mobile' }`. */
export type Tags = Readonly<Record<string, string>>;

/** Tag keys: lower snake case, so they are valid Prometheus label names as they are. */
export const TAG_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Bounds on tags, checked for every new tag set. */
export const TAG_LIMITS = {
  /** Longest tag key. */
  maxKeyLength: 64,
  /** Longest tag value (values may hold any characters; exporters escape them). */
  maxValueLength: 200,
  /** Most tags a sample may carry besides the standard tags. */
  maxTags: 16,
} as const;

/** Tags every series carries, set once per registry. */
export const STANDARD_TAG_KEYS = [
  'environment',
  'region',
  'service',
  'version',
  'deployment',
] as const;

/** Tag added to the series into which excess tag sets of a metric are folded. */
export const OVERFLOW_TAG = 'overflow';

/** Keys samples may not use: the overflow marker and Prometheus' `quantile`/`le` labels. */
export const RESERVED_TAG_KEYS: readonly string[] = [OVERFLOW_TAG, 'quantile', 'le'];

/** Whether `key` is a valid tag key. */
export function isValidTagKey(key: string): boolean {
  return key.length <= TAG_LIMITS.maxKeyLength && TAG_KEY_PATTERN.test(key);
}

/** Whether `value` is a valid tag value. */
export function isValidTagValue(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= TAG_LIMITS.maxValueLength;
}

/** Frozen copy of `entries` sorted by key: the canonical form of a tag set. */
export function canonicalTags(entries: [string, string][]): Tags {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.freeze(Object.fromEntries(entries));
}

/** Stable, unambiguous identity of a series: `name{key="value",...}` over canonical tags. */
export function seriesKey(name: string, tags: Tags): string {
  let key = `${name}{`;
  let first = true;
  for (const tagKey in tags) {
    key += `${first ? '' : ','}${tagKey}=${JSON.stringify(tags[tagKey])}`;
    first = false;
  }
  return `${key}}`;
}

/** Whether every tag of `subset` is in `tags` with the same value. */
export function tagsContain(tags: Tags, subset: Tags | undefined): boolean {
  if (subset === undefined) return true;
  for (const key in subset) if (tags[key] !== subset[key]) return false;
  return true;
}
