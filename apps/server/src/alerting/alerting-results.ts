/** One rejected input field; `field` is a dotted path such as `settings.url` or `matchers.0.value`. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * Expected failures of the alerting service. They are results, not exceptions, and GraphQL
 * returns them as typed errors; the `kind` tells them apart (the same `kind` as the schema's
 * `ValidationError` shape, so it can be returned as is).
 */
export type AlertingFailure =
  | { kind: 'validation-error'; message: string; errors: FieldProblem[] }
  | { kind: 'not-found'; message: string; id: string }
  | {
      kind: 'alert-action-error';
      code: 'invalid-transition' | 'invalid-actor';
      message: string;
      fingerprint: string;
      /** The alert's status when the action was refused. */
      status: string | null;
    };

/** The outcome of a service operation with expected failures. */
export type AlertingResult<T> = { ok: true; value: T } | { ok: false; error: AlertingFailure };

/** A successful result. */
export const succeeded = <T>(value: T): AlertingResult<T> => ({ ok: true, value });

/** A validation failure naming every rejected field. */
export function invalid<T>(errors: FieldProblem[]): AlertingResult<T> {
  const fields = errors.map((error) => error.field).join(', ');
  return {
    ok: false,
    error: {
      kind: 'validation-error',
      message: `${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${fields}`,
      errors,
    },
  };
}

/** A not-found failure for `what` (e.g. `alert rule`) with `id`. */
export function notFound<T>(what: string, id: string): AlertingResult<T> {
  return {
    ok: false,
    error: { kind: 'not-found', message: `no ${what} with id "${id.slice(0, 200)}"`, id },
  };
}

/** Codes of {@link AlertingServiceError}. */
export type AlertingServiceErrorCode = 'INVALID_OPTIONS' | 'NOT_STARTED' | 'PERSIST_FAILED';

/**
 * Thrown for programming and infrastructure errors only (bad options, a store that cannot be
 * written); expected failures are {@link AlertingResult}s. Messages never quote a secret.
 */
export class AlertingServiceError extends Error {
  override readonly name = 'AlertingServiceError';
  readonly code: AlertingServiceErrorCode;

  constructor(code: AlertingServiceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The value of a result, or its failure: what a GraphQL union field returns. */
export const valueOrError = <T>(result: AlertingResult<T>): T | AlertingFailure =>
  result.ok ? result.value : result.error;
