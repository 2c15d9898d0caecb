import { createHash } from 'node:crypto';
import { CacheError } from './cache-error.ts';

/** Limits on keys, exported as data so callers and tests agree on them. */
export const CACHE_KEY_LIMITS = {
  /** Longest key accepted by a cache, in UTF-16 code units. */
  maxKeyLength: 1024,
  /** Longest segment accepted by {@link cacheKey}. */
  maxSegmentLength: 64,
  /** Untrusted input up to this length that uses only safe characters is kept readable. */
  maxReadableUntrustedLength: 48,
} as const;

const SAFE_SEGMENT = /^[A-Za-z0-9_.#-]+$/;
const READABLE_UNTRUSTED = /^[A-Za-z0-9_.-]+$/;
// Glob wildcards and control characters: a key holding them could not be targeted exactly by a
// clear pattern, and control characters would reach logs and the pub/sub wire verbatim.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_KEY = /[*?\u0000-\u001f\u007f]/;

/**
 * Builds a versioned key from trusted segments joined by `:`:
 * `cacheKey('data', 'flavors', 'v1')` → `data:flavors:v1`. Each segment must match
 * `[A-Za-z0-9_.#-]{1,64}`, so a segment can never add a separator or a wildcard. Pass anything that
 * came from a user through {@link untrustedKeyPart} first.
 *
 * @throws {CacheError} `INVALID_KEY` when a segment is empty, too long or holds another character.
 */
export function cacheKey(...segments: readonly (string | number)[]): string {
  if (segments.length === 0)
    throw new CacheError('INVALID_KEY', 'cacheKey needs at least one segment');
  const parts = segments.map((segment) => {
    const text = String(segment);
    if (text.length > CACHE_KEY_LIMITS.maxSegmentLength || !SAFE_SEGMENT.test(text)) {
      throw new CacheError(
        'INVALID_KEY',
        `cacheKey segment must match [A-Za-z0-9_.#-]{1,${CACHE_KEY_LIMITS.maxSegmentLength}}; wrap user input in untrustedKeyPart()`,
      );
    }
    return text;
  });
  return parts.join(':');
}

/**
 * Turns untrusted input (a search term, a filter value) into one safe key segment. Short input made
 * only of `[A-Za-z0-9_.-]` is kept as is, so keys stay readable (`search:caffeine:filters:v1`);
 * anything else (`*`, `:`, newlines, 10 kB strings, `__proto__`-like tricks with odd characters) becomes
 * `#` + 22 characters of a SHA-256 digest. The `#` cannot appear in kept input, so the two forms never
 * collide.
 */
export function untrustedKeyPart(input: string | number | boolean): string {
  const text = String(input);
  if (
    text.length > 0 &&
    text.length <= CACHE_KEY_LIMITS.maxReadableUntrustedLength &&
    READABLE_UNTRUSTED.test(text)
  ) {
    return text;
  }
  return `#${createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22)}`;
}

/**
 * Checks a key handed to a cache: a non-empty string of at most
 * {@link CACHE_KEY_LIMITS.maxKeyLength} characters without `*`, `?` or control characters.
 *
 * @throws {CacheError} `INVALID_KEY`.
 */
export function assertValidKey(
  key: unknown,
  maxLength: number = CACHE_KEY_LIMITS.maxKeyLength,
): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new CacheError('INVALID_KEY', 'cache key must be a non-empty string');
  }
  if (key.length > maxLength) {
    throw new CacheError('INVALID_KEY', `cache key is longer than ${maxLength} characters`);
  }
  if (FORBIDDEN_IN_KEY.test(key)) {
    throw new CacheError(
      'INVALID_KEY',
      'cache key must not contain *, ? or control characters; build keys with cacheKey()',
    );
  }
}
