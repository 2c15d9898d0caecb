/**
 * Machine-readable reasons an {@link AccessError} is thrown.
 *
 * - `INVALID_ARGUMENT`: a key name, role, expiry, duration or policy is not acceptable.
 * - `INVALID_ADMIN_KEY`: `ADMIN_API_KEY` is malformed or its prefix belongs to another key.
 * - `INVALID_OPTIONS`: a factory was given options it cannot use.
 */
export type AccessErrorCode = 'INVALID_ARGUMENT' | 'INVALID_ADMIN_KEY' | 'INVALID_OPTIONS';

/** The error the access module throws on purpose; its message is written for the operator. */
export class AccessError extends Error {
  override readonly name = 'AccessError';
  /** Why it failed; stable, unlike `message`. */
  readonly code: AccessErrorCode;

  constructor(code: AccessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
