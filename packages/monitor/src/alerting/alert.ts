import type { AlertComparison, AlertStat, AlertWindow, Severity } from './alert-rule.ts';
import type { AlertPriority, ChannelType } from './severity-policy.ts';

/** The actor of transitions the evaluator makes on its own. */
export const SYSTEM_ACTOR = 'system';

/**
 * Where an alert is in its lifecycle. `pending`: the condition holds but not yet for `forMs`;
 * `firing`: notified; `acknowledged`: someone owns it, no more repeats or escalations;
 * `resolved`: over (kept a while so late acknowledgements get a clear answer); `no-data`: the
 * statistic has no value, which is neither OK nor alerting.
 */
export const ALERT_STATUSES = ['pending', 'firing', 'acknowledged', 'resolved', 'no-data'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A transition's end: an alert status, or `inactive` when there is no alert (before or after). */
export type AlertTransitionState = AlertStatus | 'inactive';

/**
 * One alert: a rule applied to one tag set, from the moment its condition first held (or its data
 * went missing) until it resolves. Plain JSON; times are epoch ms, `null` when not applicable.
 */
export interface Alert {
  /** Stable: hash of rule id + sorted tags (see `alertFingerprint`). */
  readonly fingerprint: string;
  /**
   * Identifies this episode of the alert: `${fingerprint}:${startsAt}`; idempotency keys start with
   * it. (Receivers group by the fingerprint: webhook `groupKey`, PagerDuty `dedup_key`.)
   */
  groupKey: string;
  readonly ruleId: string;
  ruleName: string;
  description: string | null;
  metric: string;
  stat: AlertStat;
  window: AlertWindow;
  comparison: AlertComparison;
  threshold: number;
  severity: Severity;
  readonly tags: Readonly<Record<string, string>>;
  status: AlertStatus;
  /** The last value read; `null` when there was none. */
  value: number | null;
  /** Start of the episode; strictly increasing per fingerprint. */
  startsAt: number;
  /** When the condition started holding (the `forMs` clock); null outside `pending`. */
  pendingSince: number | null;
  /** When it started firing; null until then. Repeats and escalations count from here. */
  firingSince: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgeComment: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  /** When a firing alert's condition cleared (the `keepFiringForMs` clock). */
  conditionClearedAt: number | null;
  noDataSince: number | null;
  /** The status to return to when data comes back and the condition still holds. */
  resumeStatus: 'firing' | 'acknowledged' | null;
  lastEvaluatedAt: number;
  /** 0 = the firing channels; n = `escalationLevels[n - 1]` of the severity policy. */
  escalationLevel: number;
  /** Time of the last notification intent, suppressed or not (the repeat cooldown clock). */
  lastNotifiedAt: number | null;
  /** True once a `firing` intent went out unsuppressed: someone was told. */
  announced: boolean;
  /** Number of notification intents of this episode; numbers the idempotency keys. */
  notificationSeq: number;
}

/** One lifecycle step, to be stored with who made it and when. */
export interface AlertTransition {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly from: AlertTransitionState;
  readonly to: AlertTransitionState;
  readonly at: number;
  /** `system`, or the user / API key name that acknowledged or resolved. */
  readonly actor: string;
  readonly value: number | null;
  readonly threshold: number;
  readonly comment?: string;
}

/** Why a notification intent is emitted. */
export const NOTIFICATION_KINDS = [
  'firing',
  'repeat',
  'escalation',
  'resolved',
  'acknowledged',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Why an intent must not be delivered: an active silence matched the alert, or (for follow-ups
 * such as `resolved`) the alert's firing was never announced, so there is nobody to update.
 */
export type SuppressionReason = 'silenced' | 'never-announced';

/**
 * A notification to write to the outbox in the same transaction as the transitions. Suppressed
 * intents are kept for the record and never delivered.
 */
export interface NotificationIntent {
  readonly kind: NotificationKind;
  /** `${groupKey}:${kind}:${sequence}`; identical across retries and re-evaluations. */
  readonly idempotencyKey: string;
  readonly sequence: number;
  readonly fingerprint: string;
  readonly groupKey: string;
  readonly ruleId: string;
  readonly alertName: string;
  readonly description: string | null;
  readonly metric: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly severity: Severity;
  readonly priority: AlertPriority;
  readonly channels: readonly ChannelType[];
  readonly escalationLevel: number;
  /** The alert's status after the event. */
  readonly status: AlertStatus;
  readonly startsAt: number;
  readonly at: number;
  readonly value: number | null;
  readonly threshold: number;
  /** The metric's declared unit (`ms`, `ratio`, empty for counts); `value` and `threshold` are in it. */
  readonly unit: string;
  /** One line for titles, e.g. `API p95 response time: api.responseTime = 2.45 s (p95 over 5 min > 2 s)`. */
  readonly summary: string;
  /** Who acknowledged or resolved; `system` otherwise. */
  readonly actor: string;
  readonly comment: string | null;
  readonly suppressed: boolean;
  readonly suppressedReason: SuppressionReason | null;
  /** Ids of the silences that matched, when `suppressedReason` is `silenced`. */
  readonly silenceIds: readonly string[];
}
