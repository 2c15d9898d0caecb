import { describeCondition, formatStatValue } from '@taurine/units';
import { ALERT_WINDOW_MS } from './alert-rule.ts';
import type { Alert, NotificationIntent, NotificationKind, SuppressionReason } from './alert.ts';
import { SYSTEM_ACTOR } from './alert.ts';
import { channelsAtLevel } from './severity-policy.ts';
import type { SeverityPolicyTable } from './severity-policy.ts';
import { matchingSilences } from './silence.ts';
import type { Silence } from './silence.ts';

/** What deciding on a notification needs besides the alert. */
export interface NotificationContext {
  readonly policy: SeverityPolicyTable;
  readonly silences: readonly Silence[];
  readonly now: number;
  /** The declared unit of a metric (see `AlertEvaluatorOptions.unitOf`). */
  readonly unitOf: (metric: string) => string;
}

/**
 * Emits one intent of `kind` for `alert` and records it on the alert (sequence number, cooldown
 * clock, whether the firing was announced).
 *
 * Silenced intents are marked `suppressed` but still advance the schedule: repeats and
 * escalations keep their cadence during a silence instead of piling up, so nothing bursts out
 * when it ends. The one exception is the announcement: when an alert started firing under a
 * silence, {@link planFollowUp} sends a fresh `firing` intent at the first evaluation after the
 * silence ends, because nobody has been told yet. For the same reason an update (`repeat`,
 * `acknowledged`, `resolved`...) about an alert that was never announced is suppressed.
 */
export function emitIntent(
  alert: Alert,
  kind: NotificationKind,
  context: NotificationContext,
  details: { readonly actor?: string; readonly comment?: string | null } = {},
): NotificationIntent {
  const silenceIds = matchingSilences(alert, context.silences, context.now).map(({ id }) => id);
  let suppressedReason: SuppressionReason | null = null;
  if (silenceIds.length > 0) suppressedReason = 'silenced';
  else if (kind !== 'firing' && !alert.announced) suppressedReason = 'never-announced';
  if (kind === 'firing' && suppressedReason === null) alert.announced = true;
  alert.notificationSeq += 1;
  alert.lastNotifiedAt = context.now;
  const policy = context.policy[alert.severity];
  const sequence = alert.notificationSeq;
  const unit = context.unitOf(alert.metric);
  return {
    kind,
    idempotencyKey: `${alert.groupKey}:${kind}:${sequence}`,
    sequence,
    fingerprint: alert.fingerprint,
    groupKey: alert.groupKey,
    ruleId: alert.ruleId,
    alertName: alert.ruleName,
    description: alert.description,
    metric: alert.metric,
    tags: { ...alert.tags },
    severity: alert.severity,
    priority: policy.priority,
    channels: [...channelsAtLevel(policy, alert.escalationLevel)],
    escalationLevel: alert.escalationLevel,
    status: alert.status,
    startsAt: alert.startsAt,
    at: context.now,
    value: alert.value,
    threshold: alert.threshold,
    unit,
    summary: summarize(alert, unit),
    actor: details.actor ?? SYSTEM_ACTOR,
    comment: details.comment ?? null,
    suppressed: suppressedReason !== null,
    suppressedReason,
    silenceIds,
  };
}

/**
 * The notification a firing, unacknowledged alert is due at `context.now`, if any, by priority:
 * the delayed announcement after a silence, then an escalation (jumping straight to the highest
 * level due, so a long outage of the evaluator does not replay every level), then a repeat once
 * the severity's cooldown has passed since the last notification.
 */
export function planFollowUp(
  alert: Alert,
  context: NotificationContext,
): NotificationIntent | undefined {
  if (alert.status !== 'firing' || alert.firingSince === null) return undefined;
  const policy = context.policy[alert.severity];
  const { now } = context;
  if (!alert.announced && matchingSilences(alert, context.silences, now).length === 0) {
    return emitIntent(alert, 'firing', context);
  }
  const dueLevel = Math.min(
    policy.escalationLevels.length,
    Math.floor((now - alert.firingSince) / policy.escalateAfterMs),
  );
  if (dueLevel > alert.escalationLevel) {
    alert.escalationLevel = dueLevel;
    return emitIntent(alert, 'escalation', context);
  }
  if (alert.lastNotifiedAt === null || now - alert.lastNotifiedAt >= policy.repeatIntervalMs) {
    return emitIntent(alert, 'repeat', context);
  }
  return undefined;
}

/**
 * One line with the value and the condition in the metric's unit, e.g.
 * `Error rate above 5 %: api.errorRate = 12.0 % (avg over 5 min > 5 %)`.
 */
export function summarize(alert: Alert, unit: string): string {
  const value = formatStatValue(alert.value, alert.stat, unit);
  const condition = describeCondition({
    stat: alert.stat,
    windowMs: ALERT_WINDOW_MS[alert.window],
    comparison: alert.comparison,
    threshold: alert.threshold,
    unit,
  });
  return `${alert.ruleName}: ${alert.metric} = ${value} (${condition})`;
}
