import type { Alert, AlertTransition } from '@taurine/monitor';
import type { DeliveryAttempt } from '@taurine/notify';
import { formatQuantity } from '@taurine/units';
import type { Logger } from 'pino';

/** What alerting logs through: the server's logger (or a child of it). */
export type AlertLogger = Pick<Logger, 'info' | 'warn'>;

/** Transitions worth a line: someone would want to know an alert started, ended or was taken. */
const LOGGED_STATES = new Set(['firing', 'resolved', 'acknowledged']);

/**
 * One `info` line per committed transition into firing, resolved or acknowledged: the rule's name,
 * the value and threshold with their unit (`2.67 %`), and who made it.
 */
export function logTransitions(
  logger: AlertLogger,
  transitions: readonly AlertTransition[],
  alertOf: (fingerprint: string) => Alert | undefined,
  unitOf: (metric: string) => string,
): void {
  for (const transition of transitions) {
    if (!LOGGED_STATES.has(transition.to)) continue;
    const alert = alertOf(transition.fingerprint);
    const unit = alert === undefined ? '' : unitOf(alert.metric);
    const value = formatQuantity(transition.value, unit);
    const threshold = formatQuantity(transition.threshold, unit);
    const rule = alert?.ruleName ?? transition.ruleId;
    logger.info(
      {
        event: 'alert',
        rule,
        ruleId: transition.ruleId,
        fingerprint: transition.fingerprint,
        from: transition.from,
        to: transition.to,
        value,
        threshold,
        actor: transition.actor,
        ...(alert === undefined ? {} : { metric: alert.metric, severity: alert.severity }),
      },
      `alert ${transition.to}: ${rule} (value ${value}, threshold ${threshold})`,
    );
  }
}

/** One `warn` line per failed delivery attempt: channel, attempt number and the reason. */
export function logDeliveryFailure(logger: AlertLogger, attempt: DeliveryAttempt): void {
  if (attempt.ok) return;
  const reason = attempt.reason ?? `status ${String(attempt.status ?? 'unknown')}`;
  logger.warn(
    {
      event: 'delivery-failed',
      channel: attempt.channelName,
      attempt: attempt.attempt,
      retryable: attempt.retryable ?? false,
      ...(attempt.status === undefined ? {} : { status: attempt.status }),
      reason,
    },
    `delivery to ${attempt.channelName} failed (attempt ${attempt.attempt}): ${reason}`,
  );
}
