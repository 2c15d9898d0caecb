import { ALERT_SEVERITIES } from '@taurine/monitor';
import type { Alert, AlertTransition, NotificationIntent, Severity } from '@taurine/monitor';
import type { AlertRecord } from '@taurine/store';

/**
 * What happened to an alert, as pushed to `alertEvents` subscribers; `responded`: an automatic
 * response acted (see `operations/`).
 */
export const ALERT_EVENT_TYPES = [
  'raised',
  'acknowledged',
  'resolved',
  'escalated',
  'responded',
] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/**
 * One alert event. Plain JSON (times in epoch ms) so it crosses a Redis event target intact.
 * Silenced alerts still produce events: silences mute notifications, not the dashboard.
 */
export interface AlertEvent {
  type: AlertEventType;
  at: number;
  /** `system`, or who acknowledged or resolved. */
  actor: string;
  comment: string | null;
  /** The alert after the event. */
  alert: AlertRecord;
}

/**
 * The events of one persisted step: `raised` when an alert starts firing (not when it resumes
 * after missing data), `acknowledged` and `resolved` on those transitions, `escalated` for each
 * escalation intent.
 */
export function alertEvents(
  transitions: readonly AlertTransition[],
  intents: readonly NotificationIntent[],
  alertOf: (fingerprint: string) => AlertRecord | undefined,
): AlertEvent[] {
  const events: AlertEvent[] = [];
  const push = (
    type: AlertEventType,
    fingerprint: string,
    at: number,
    actor: string,
    comment: string | null,
  ): void => {
    const alert = alertOf(fingerprint);
    if (alert !== undefined) events.push({ type, at, actor, comment, alert });
  };
  for (const transition of transitions) {
    const type = eventTypeOf(transition);
    if (type !== undefined) {
      push(
        type,
        transition.fingerprint,
        transition.at,
        transition.actor,
        transition.comment ?? null,
      );
    }
  }
  for (const intent of intents) {
    if (intent.kind === 'escalation') {
      push('escalated', intent.fingerprint, intent.at, intent.actor, intent.comment);
    }
  }
  return events;
}

function eventTypeOf(transition: AlertTransition): AlertEventType | undefined {
  if (transition.to === 'firing' && transition.from !== 'no-data') return 'raised';
  if (transition.to === 'acknowledged') return 'acknowledged';
  if (transition.to === 'resolved') return 'resolved';
  return undefined;
}

/** True when `severity` is `minimum` or more urgent (critical > error > warning > info). */
export function isAtLeast(severity: Severity, minimum: Severity): boolean {
  return ALERT_SEVERITIES.indexOf(severity) <= ALERT_SEVERITIES.indexOf(minimum);
}

/** Checks a pub/sub payload (it may have crossed Redis) before handing it to subscribers. */
export function isAlertEvent(value: unknown): value is AlertEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<AlertEvent>;
  return (
    typeof event.type === 'string' &&
    (ALERT_EVENT_TYPES as readonly string[]).includes(event.type) &&
    typeof event.at === 'number' &&
    typeof event.alert === 'object' &&
    typeof (event.alert as Partial<AlertRecord> | null)?.alert?.fingerprint === 'string'
  );
}

/** The record of an alert held by the evaluator (its row status is its own status). */
export function recordOf(alert: Alert, updatedAt: number): AlertRecord {
  return { status: alert.status, updatedAt, alert };
}
