/** Machine-readable reason of a {@link NotifyError}. */
export type NotifyErrorCode =
  'INVALID_OPTIONS' | 'UNKNOWN_OUTBOX_ITEM' | 'DISPATCHER_RUNNING' | 'STORE_FAILED';

/** The one error class this package throws (or hands to `onError`). Messages carry no secrets. */
export class NotifyError extends Error {
  override readonly name = 'NotifyError';
  readonly code: NotifyErrorCode;

  constructor(code: NotifyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
