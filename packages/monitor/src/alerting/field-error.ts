/** Why a field of user input was rejected. */
export type FieldErrorCode =
  | 'required'
  | 'invalid-type'
  | 'empty'
  | 'too-long'
  | 'invalid-format'
  | 'not-allowed'
  | 'not-finite'
  | 'negative'
  | 'unknown-metric'
  | 'reserved-name'
  | 'invalid-range';

/** One rejected field: `field` is a dotted path (`tags.region`, `matchers.0.value`). */
export interface FieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly message: string;
}
