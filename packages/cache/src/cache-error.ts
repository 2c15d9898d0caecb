/**
 * Codes of {@link CacheError}. Usage codes (`INVALID_*`) are caller mistakes and never open a
 * circuit breaker; the others describe a tier that could not answer.
 */
export type CacheErrorCode =
  | 'INVALID_KEY'
  | 'INVALID_PATTERN'
  | 'INVALID_VALUE'
  | 'INVALID_TTL'
  | 'INVALID_OPTIONS'
  | 'TIER_UNAVAILABLE'
  | 'TIER_TIMEOUT'
  | 'CIRCUIT_OPEN';

const usageCodes: ReadonlySet<CacheErrorCode> = new Set([
  'INVALID_KEY',
  'INVALID_PATTERN',
  'INVALID_VALUE',
  'INVALID_TTL',
  'INVALID_OPTIONS',
]);

/** The one error class thrown by `@taurine/cache`; `code` is stable, `message` is for humans. */
export class CacheError extends Error {
  override readonly name = 'CacheError';

  constructor(
    readonly code: CacheErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether `error` is a caller mistake (bad key, value, TTL, pattern or option) rather than a fault. */
export function isUsageError(error: unknown): boolean {
  return error instanceof CacheError && usageCodes.has(error.code);
}
