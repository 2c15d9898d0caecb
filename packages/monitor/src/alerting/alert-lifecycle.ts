import type { Alert, AlertTransition, AlertTransitionState, NotificationIntent } from './alert.ts';
import { SYSTEM_ACTOR } from './alert.ts';
import { DEFAULT_NO_DATA_STATE, isConditionMet } from './alert-rule.ts';
import type { AlertRule } from './alert-rule.ts';
import { emitIntent, planFollowUp } from './notification-planner.ts';
import type { NotificationContext } from './notification-planner.ts';

/**
 * What one evaluation saw for one series: `met` is whether the condition holds, or `null` when
 * the alert must go to the `no-data` state.
 */
export interface Observation {
  readonly met: boolean | null;
  readonly value: number | null;
}

/** Transitions and intents produced by one lifecycle step. */
export interface LifecycleEffects {
  readonly transitions: AlertTransition[];
  readonly intents: NotificationIntent[];
}

/** The alert after a step (`undefined`: back to inactive, forget it) and what happened. */
export interface AdvanceResult extends LifecycleEffects {
  readonly alert: Alert | undefined;
}

/** The comment on transitions caused by a rule being disabled or deleted. */
export const RULE_GONE_COMMENT = 'rule disabled or removed';

/**
 * Maps a statistic to an observation. A missing or non-finite value is "no data" and follows the
 * rule's `noDataState`: `ok` reads as the condition being false, `alerting` as true.
 */
export function observe(value: number | null, rule: AlertRule): Observation {
  if (value !== null && Number.isFinite(value)) {
    return { met: isConditionMet(value, rule.comparison, rule.threshold), value };
  }
  switch (rule.noDataState ?? DEFAULT_NO_DATA_STATE) {
    case 'ok':
      return { met: false, value: null };
    case 'alerting':
      return { met: true, value: null };
    case 'no-data':
      return { met: null, value: null };
  }
}

/**
 * Moves one alert through its lifecycle for one evaluation:
 *
 * - none/resolved: true → `pending` (or `firing` at once when `forMs` is 0); no data → `no-data`.
 * - `pending`: true for `forMs` → `firing` (notified); false → inactive, never notified.
 * - `firing`/`acknowledged`: false → `resolved` (notified), after `keepFiringForMs` if set;
 *   no data → `no-data`, remembering the status to resume; still firing → repeats/escalations.
 * - `no-data`: data back and true → the remembered status, or `pending`; false → `resolved` when
 *   it had fired (notified), else inactive.
 */
export function advanceAlert(
  previous: Alert | undefined,
  series: { readonly fingerprint: string; readonly tags: Readonly<Record<string, string>> },
  rule: AlertRule,
  observation: Observation,
  context: NotificationContext,
): AdvanceResult {
  const effects: LifecycleEffects = { transitions: [], intents: [] };
  if (previous === undefined || previous.status === 'resolved') {
    if (observation.met === false) return { alert: previous, ...effects };
    const alert = openEpisode(previous, series, rule, observation, context.now);
    if (observation.met === null) enterNoData(alert, 'inactive', effects, context.now);
    else startPending(alert, 'inactive', rule, effects, context);
    return { alert, ...effects };
  }
  const alert = previous;
  refresh(alert, rule, observation, context.now);
  let next: Alert | undefined = alert;
  switch (alert.status) {
    case 'pending':
      next = stepPending(alert, rule, observation, effects, context);
      break;
    case 'firing':
    case 'acknowledged':
      stepFiring(alert, alert.status, rule, observation, effects, context);
      break;
    case 'no-data':
      next = stepNoData(alert, rule, observation, effects, context);
      break;
  }
  return { alert: next, ...effects };
}

/** `firing` → `acknowledged` by `actor`; the caller checked the status. */
export function acknowledgeAlert(
  alert: Alert,
  actor: string,
  comment: string | null,
  context: NotificationContext,
): LifecycleEffects {
  const effects: LifecycleEffects = { transitions: [], intents: [] };
  alert.status = 'acknowledged';
  alert.acknowledgedAt = context.now;
  alert.acknowledgedBy = actor;
  alert.acknowledgeComment = comment;
  record(effects, alert, 'firing', 'acknowledged', context.now, actor, comment);
  effects.intents.push(emitIntent(alert, 'acknowledged', context, { actor, comment }));
  return effects;
}

/**
 * Resolves an open alert; notifies `resolved` only when it had fired (a pending or never-fired
 * no-data alert told nobody anything).
 */
export function resolveAlert(
  alert: Alert,
  actor: string,
  comment: string | null,
  context: NotificationContext,
  effects: LifecycleEffects = { transitions: [], intents: [] },
): LifecycleEffects {
  const from = alert.status;
  alert.status = 'resolved';
  alert.resolvedAt = context.now;
  alert.resolvedBy = actor;
  alert.pendingSince = null;
  alert.conditionClearedAt = null;
  alert.noDataSince = null;
  alert.resumeStatus = null;
  record(effects, alert, from, 'resolved', context.now, actor, comment);
  if (alert.firingSince !== null) {
    effects.intents.push(emitIntent(alert, 'resolved', context, { actor, comment }));
  }
  return effects;
}

/** Ends an open alert whose rule is gone: resolved if it had fired, otherwise dropped. */
export function retireAlert(alert: Alert, context: NotificationContext): AdvanceResult {
  if (alert.firingSince !== null) {
    return { alert, ...resolveAlert(alert, SYSTEM_ACTOR, RULE_GONE_COMMENT, context) };
  }
  const effects: LifecycleEffects = { transitions: [], intents: [] };
  record(effects, alert, alert.status, 'inactive', context.now, SYSTEM_ACTOR, RULE_GONE_COMMENT);
  return { alert: undefined, ...effects };
}

function stepPending(
  alert: Alert,
  rule: AlertRule,
  observation: Observation,
  effects: LifecycleEffects,
  context: NotificationContext,
): Alert | undefined {
  if (observation.met === null) {
    enterNoData(alert, 'pending', effects, context.now);
  } else if (!observation.met) {
    record(effects, alert, 'pending', 'inactive', context.now);
    return undefined;
  } else if (context.now - (alert.pendingSince ?? context.now) >= rule.forMs) {
    fire(alert, 'pending', effects, context);
  }
  return alert;
}

function stepFiring(
  alert: Alert,
  status: 'firing' | 'acknowledged',
  rule: AlertRule,
  observation: Observation,
  effects: LifecycleEffects,
  context: NotificationContext,
): void {
  const { now } = context;
  if (observation.met === null) {
    alert.resumeStatus = status;
    alert.conditionClearedAt = null;
    enterNoData(alert, status, effects, now);
    return;
  }
  if (observation.met) {
    alert.conditionClearedAt = null;
  } else {
    alert.conditionClearedAt ??= now;
    if (now - alert.conditionClearedAt >= (rule.keepFiringForMs ?? 0)) {
      resolveAlert(alert, SYSTEM_ACTOR, null, context, effects);
      return;
    }
  }
  followUp(alert, effects, context);
}

function stepNoData(
  alert: Alert,
  rule: AlertRule,
  observation: Observation,
  effects: LifecycleEffects,
  context: NotificationContext,
): Alert | undefined {
  if (observation.met === null) return alert;
  alert.noDataSince = null;
  const resume = alert.resumeStatus;
  if (!observation.met) {
    if (resume !== null) {
      resolveAlert(alert, SYSTEM_ACTOR, null, context, effects);
      return alert;
    }
    record(effects, alert, 'no-data', 'inactive', context.now);
    return undefined;
  }
  if (resume === null) {
    startPending(alert, 'no-data', rule, effects, context);
    return alert;
  }
  alert.status = resume;
  alert.resumeStatus = null;
  record(effects, alert, 'no-data', resume, context.now);
  followUp(alert, effects, context);
  return alert;
}

function openEpisode(
  previous: Alert | undefined,
  series: { readonly fingerprint: string; readonly tags: Readonly<Record<string, string>> },
  rule: AlertRule,
  observation: Observation,
  now: number,
): Alert {
  // Episodes of one fingerprint get strictly increasing starts, so group keys never repeat.
  const startsAt = previous !== undefined && previous.startsAt >= now ? previous.startsAt + 1 : now;
  return {
    fingerprint: series.fingerprint,
    groupKey: `${series.fingerprint}:${startsAt}`,
    ruleId: rule.id,
    ruleName: rule.name,
    description: rule.description ?? null,
    metric: rule.metric,
    stat: rule.stat,
    window: rule.window,
    comparison: rule.comparison,
    threshold: rule.threshold,
    severity: rule.severity,
    tags: { ...series.tags },
    status: 'pending',
    value: observation.value,
    startsAt,
    pendingSince: null,
    firingSince: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgeComment: null,
    resolvedAt: null,
    resolvedBy: null,
    conditionClearedAt: null,
    noDataSince: null,
    resumeStatus: null,
    lastEvaluatedAt: now,
    escalationLevel: 0,
    lastNotifiedAt: null,
    announced: false,
    notificationSeq: 0,
  };
}

/** Keeps the alert's copy of the rule current (a rule edit applies to open alerts). */
function refresh(alert: Alert, rule: AlertRule, observation: Observation, now: number): void {
  alert.ruleName = rule.name;
  alert.description = rule.description ?? null;
  alert.metric = rule.metric;
  alert.stat = rule.stat;
  alert.window = rule.window;
  alert.comparison = rule.comparison;
  alert.threshold = rule.threshold;
  alert.severity = rule.severity;
  alert.value = observation.value;
  alert.lastEvaluatedAt = now;
}

function startPending(
  alert: Alert,
  from: AlertTransitionState,
  rule: AlertRule,
  effects: LifecycleEffects,
  context: NotificationContext,
): void {
  alert.pendingSince = context.now;
  if (rule.forMs <= 0) {
    fire(alert, from, effects, context);
    return;
  }
  alert.status = 'pending';
  record(effects, alert, from, 'pending', context.now);
}

function fire(
  alert: Alert,
  from: AlertTransitionState,
  effects: LifecycleEffects,
  context: NotificationContext,
): void {
  alert.status = 'firing';
  alert.firingSince = context.now;
  alert.pendingSince = null;
  alert.escalationLevel = 0;
  record(effects, alert, from, 'firing', context.now);
  effects.intents.push(emitIntent(alert, 'firing', context));
}

function enterNoData(
  alert: Alert,
  from: AlertTransitionState,
  effects: LifecycleEffects,
  now: number,
): void {
  alert.status = 'no-data';
  alert.noDataSince = now;
  alert.pendingSince = null;
  record(effects, alert, from, 'no-data', now);
}

function followUp(alert: Alert, effects: LifecycleEffects, context: NotificationContext): void {
  const intent = planFollowUp(alert, context);
  if (intent !== undefined) effects.intents.push(intent);
}

function record(
  effects: LifecycleEffects,
  alert: Alert,
  from: AlertTransitionState,
  to: AlertTransitionState,
  at: number,
  actor: string = SYSTEM_ACTOR,
  comment: string | null = null,
): void {
  effects.transitions.push({
    fingerprint: alert.fingerprint,
    ruleId: alert.ruleId,
    from,
    to,
    at,
    actor,
    value: alert.value,
    threshold: alert.threshold,
    ...(comment === null ? {} : { comment }),
  });
}
