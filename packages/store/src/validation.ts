import { StoreError } from './errors.ts';

/**
 * Epoch-millisecond columns are 64-bit integers. PostgreSQL rejects a fractional or infinite
 * parameter for them, so values are checked here and both dialects fail the same way.
 */
export function assertEpochMs(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new StoreError(
      'INVALID_ARGUMENT',
      `${what} must be an integer epoch in ms, got ${value}`,
    );
  }
}

/**
 * Turns a time bound into one an integer column can be compared with. Rounding up keeps both
 * `column >= bound` and `column < bound` exact for integer columns.
 */
export function toEpochBound(value: number, what: string): number {
  if (!Number.isFinite(value)) {
    throw new StoreError('INVALID_ARGUMENT', `${what} must be a finite epoch in ms, got ${value}`);
  }
  return Math.ceil(value);
}

/** SQLite turns NaN into NULL and PostgreSQL accepts it: reject both the same way. */
export function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new StoreError('INVALID_ARGUMENT', `${what} must be a finite number, got ${value}`);
  }
}
