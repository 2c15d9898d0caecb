import { CacheError } from './cache-error.ts';

/**
 * Serialises a value for storage. Every tier stores JSON, so a value reads back the same from
 * memory as from Redis.
 *
 * @throws {CacheError} `INVALID_VALUE` for `undefined`, functions, symbols, BigInts and cycles.
 */
export function serializeValue(value: unknown): string {
  // JSON.stringify returns undefined for undefined, functions and symbols, whatever its type says.
  let json: unknown;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new CacheError('INVALID_VALUE', 'cache value is not JSON-serialisable', { cause: error });
  }
  if (typeof json !== 'string') {
    throw new CacheError('INVALID_VALUE', 'cache value is not JSON-serialisable');
  }
  return json;
}

/** Freezes a parsed JSON value in place, all the way down, and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Checks a TTL and rounds it up to whole milliseconds. @throws {CacheError} `INVALID_TTL`. */
export function normalizeTtl(ttlMs: unknown): number {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new CacheError('INVALID_TTL', 'ttlMs must be a positive finite number of milliseconds');
  }
  return Math.ceil(ttlMs);
}
