/** Codes carried by {@link MonitorError}; callers branch on `code`, never on the message. */
export type MonitorErrorCode =
  'INVALID_OPTIONS' | 'INVALID_METRIC' | 'INVALID_QUERY' | 'INVALID_SKETCH' | 'SKETCH_MISMATCH';

/**
 * The one error class of `@taurine/monitor`. It is thrown for programming errors only (bad options,
 * conflicting definitions, malformed queries or serialised sketches); recording a sample never throws.
 */
export class MonitorError extends Error {
  override readonly name = 'MonitorError';

  constructor(
    readonly code: MonitorErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
