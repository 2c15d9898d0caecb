import type { AlertActionError } from '@taurine/monitor';
import type { AlertRecord, Store } from '@taurine/store';
import { notFound } from './alerting-results.ts';
import type { AlertingResult } from './alerting-results.ts';

/**
 * The typed failure for an acknowledgement or resolution the evaluator refused. An alert the
 * evaluator no longer holds may still be stored (resolved or inactive): then the refusal names
 * its stored status rather than saying it does not exist.
 */
export async function alertActionRefusal(
  action: 'acknowledge' | 'resolve',
  error: AlertActionError,
  alerts: Pick<Store['alerts'], 'get'>,
): Promise<AlertingResult<AlertRecord>> {
  if (error.code === 'unknown-fingerprint') {
    const stored = await alerts.get(error.fingerprint);
    if (stored === undefined) return notFound('alert', error.fingerprint);
    return {
      ok: false,
      error: {
        kind: 'alert-action-error',
        code: 'invalid-transition',
        message: `cannot ${action} a ${stored.status} alert`,
        fingerprint: error.fingerprint,
        status: stored.status,
      },
    };
  }
  return {
    ok: false,
    error: {
      kind: 'alert-action-error',
      code: error.code,
      message: error.message,
      fingerprint: error.fingerprint,
      status: error.status ?? null,
    },
  };
}
