import type { DeliveryResult } from './notification-channel.ts';
import type { Redactor } from './redactor.ts';

/** Removes secrets from a result's reason. */
export function redactResult(result: DeliveryResult, redact: Redactor): DeliveryResult {
  return result.ok ? result : { ...result, reason: redact(result.reason) };
}

/**
 * Runs a channel's delivery so that nothing escapes: an unexpected exception becomes a retryable
 * failure naming only the error class (its message might quote a secret), and every reason is
 * redacted.
 */
export async function deliverSafely(
  target: string,
  redact: Redactor,
  deliver: () => Promise<DeliveryResult>,
): Promise<DeliveryResult> {
  try {
    return redactResult(await deliver(), redact);
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    return { ok: false, retryable: true, reason: redact(`${target}: unexpected ${name}`) };
  }
}
