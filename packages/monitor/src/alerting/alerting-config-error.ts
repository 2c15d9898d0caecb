/** Codes of {@link AlertingConfigError}. */
export type AlertingConfigErrorCode = 'invalid-policy' | 'invalid-option';

/**
 * Thrown at construction when alerting options are wrong (a programming or configuration error,
 * never an expected runtime failure). The message names the option and the value received.
 */
export class AlertingConfigError extends Error {
  override readonly name = 'AlertingConfigError';
  readonly code: AlertingConfigErrorCode;

  constructor(code: AlertingConfigErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
