import type { Alert, AlertStatus, AlertTransition, NotificationIntent } from './alert.ts';
import {
  acknowledgeAlert,
  advanceAlert,
  observe,
  resolveAlert,
  retireAlert,
} from './alert-lifecycle.ts';
import type { AdvanceResult, LifecycleEffects, Observation } from './alert-lifecycle.ts';
import { ALERT_WINDOW_MS } from './alert-rule.ts';
import type { AlertRule } from './alert-rule.ts';
import { AlertingConfigError } from './alerting-config-error.ts';
import type { Clock } from '../clock.ts';
import { EVALUATOR_STATE_VERSION, parseEvaluatorState } from './evaluator-state.ts';
import type { AlertEvaluatorState } from './evaluator-state.ts';
import { alertFingerprint } from './fingerprint.ts';
import type { NotificationContext } from './notification-planner.ts';
import { resolveSeverityPolicy } from './severity-policy.ts';
import type { SeverityPolicyOverrides, SeverityPolicyTable } from './severity-policy.ts';
import type { Silence } from './silence.ts';
import type { SeriesStat, StatsReader } from './stats-reader.ts';

/** Defaults of {@link AlertEvaluatorOptions}. */
export const ALERT_EVALUATOR_DEFAULTS = {
  /** Resolved alerts are kept this long so a late acknowledge gets "already resolved". */
  resolvedRetentionMs: 60 * 60_000,
} as const;

/** Options of {@link createAlertEvaluator}. */
export interface AlertEvaluatorOptions {
  /** Supplies `now` when a method is called without one. */
  readonly clock: Clock;
  /** Overrides merged over `SEVERITY_POLICY`. */
  readonly policy?: SeverityPolicyOverrides;
  /** The silences to apply; read once per call. Must not throw. @defaultValue no silences */
  readonly silences?: () => readonly Silence[];
  /** @defaultValue {@link ALERT_EVALUATOR_DEFAULTS}.resolvedRetentionMs (1 h) */
  readonly resolvedRetentionMs?: number;
  /**
   * The declared unit of a metric (`ms`, `ratio`, `MB`, empty for counts): intents carry it and
   * their summaries show values and thresholds in it (`2.45 s`, `2.67 %`). Must not throw.
   * @defaultValue every metric unitless
   */
  readonly unitOf?: (metric: string) => string;
}

/** Something an evaluation could not do for one rule; the rest of the evaluation went on. */
export interface EvaluationProblem {
  readonly ruleId: string;
  readonly code: 'stats-read-failed' | 'duplicate-rule';
  readonly message: string;
}

/** What one evaluation changed: store the transitions and enqueue the intents together. */
export interface EvaluationResult {
  readonly transitions: AlertTransition[];
  readonly intents: NotificationIntent[];
  /** Every alert after the evaluation (copies), oldest first. */
  readonly alerts: Alert[];
  readonly problems: EvaluationProblem[];
}

/** Why an acknowledge or resolve was refused. */
export type AlertActionErrorCode = 'unknown-fingerprint' | 'invalid-transition' | 'invalid-actor';

export interface AlertActionError {
  readonly code: AlertActionErrorCode;
  readonly message: string;
  readonly fingerprint: string;
  /** The alert's status, for `invalid-transition`. */
  readonly status?: AlertStatus;
}

/** Result of an acknowledge or a manual resolve. Expected failures are results, not throws. */
export type AlertActionResult =
  | {
      readonly ok: true;
      readonly alert: Alert;
      readonly transition: AlertTransition;
      readonly intents: NotificationIntent[];
    }
  | { readonly ok: false; readonly error: AlertActionError };

/** Result of {@link AlertEvaluator.restore}; on failure the current state is kept. */
export type RestoreResult =
  | { readonly ok: true; readonly alertCount: number }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'invalid-state'; readonly message: string };
    };

/** Holds the alert state and moves it forward; every method is synchronous and pure of I/O. */
export interface AlertEvaluator {
  /**
   * Evaluates every enabled rule against `stats` at `now`. Open alerts of rules that are missing
   * or disabled are resolved (or dropped if they never fired). Never throws for a failing reader.
   */
  evaluate(rules: readonly AlertRule[], stats: StatsReader, now?: number): EvaluationResult;
  /** A firing alert becomes acknowledged: repeats and escalations stop until it resolves. */
  acknowledge(
    fingerprint: string,
    actor: string,
    now?: number,
    comment?: string,
  ): AlertActionResult;
  /**
   * Resolves an open alert by hand. If its condition still holds, the next evaluation opens a new
   * episode that must again hold for `forMs` before it fires.
   */
  resolve(fingerprint: string, actor: string, now?: number, comment?: string): AlertActionResult;
  /** Copies of all alerts (open and recently resolved), oldest first. */
  alerts(): Alert[];
  /** A copy of one alert. */
  alert(fingerprint: string): Alert | undefined;
  /** The whole state as plain JSON (a copy). */
  snapshot(): AlertEvaluatorState;
  /** Replaces the state with a persisted snapshot after checking it. */
  restore(state: unknown): RestoreResult;
}

/**
 * Creates an alert evaluator.
 *
 * @throws {@link AlertingConfigError} for a bad clock, policy or retention.
 */
export function createAlertEvaluator(options: AlertEvaluatorOptions): AlertEvaluator {
  const { clock, silences = () => [] } = checkOptions(options);
  const policy: SeverityPolicyTable = resolveSeverityPolicy(options.policy);
  const retentionMs = options.resolvedRetentionMs ?? ALERT_EVALUATOR_DEFAULTS.resolvedRetentionMs;
  let alerts = new Map<string, Alert>();

  const unitOf = options.unitOf ?? (() => '');
  const contextAt = (now: number): NotificationContext => ({
    policy,
    silences: silences(),
    now,
    unitOf,
  });
  const list = (): Alert[] => sortedCopies(alerts);

  return {
    evaluate(rules, stats, now = clock.now()) {
      const { effects, problems } = evaluateRules(alerts, rules, stats, contextAt(now));
      dropExpiredResolved(alerts, now, retentionMs);
      return { ...effects, alerts: list(), problems };
    },

    acknowledge(fingerprint, actor, now = clock.now(), comment) {
      const found = findAction(alerts, fingerprint, actor);
      if ('error' in found) return { ok: false, error: found.error };
      if (found.alert.status !== 'firing') return refused(found.alert, 'acknowledge', 'firing');
      const effects = acknowledgeAlert(found.alert, found.actor, comment ?? null, contextAt(now));
      return done(found.alert, effects);
    },

    resolve(fingerprint, actor, now = clock.now(), comment) {
      const found = findAction(alerts, fingerprint, actor);
      if ('error' in found) return { ok: false, error: found.error };
      if (found.alert.status === 'resolved') {
        return refused(found.alert, 'resolve', 'pending, firing, acknowledged or no-data');
      }
      const effects = resolveAlert(found.alert, found.actor, comment ?? null, contextAt(now));
      return done(found.alert, effects);
    },

    alerts: list,

    alert(fingerprint) {
      const alert = alerts.get(fingerprint);
      return alert === undefined ? undefined : structuredClone(alert);
    },

    snapshot() {
      return { version: EVALUATOR_STATE_VERSION, alerts: list() };
    },

    restore(state) {
      const parsed = parseEvaluatorState(state);
      if (!parsed.ok) return parsed;
      alerts = new Map(parsed.state.alerts.map((alert) => [alert.fingerprint, alert]));
      return { ok: true, alertCount: alerts.size };
    },
  };
}

/**
 * Advances the alerts of every enabled rule (the first of duplicated ids only) in `alerts`, then
 * retires the open alerts of rules that are missing or disabled.
 */
function evaluateRules(
  alerts: Map<string, Alert>,
  rules: readonly AlertRule[],
  stats: StatsReader,
  context: NotificationContext,
): { effects: LifecycleEffects; problems: EvaluationProblem[] } {
  const effects: LifecycleEffects = { transitions: [], intents: [] };
  const problems: EvaluationProblem[] = [];
  const byRule = groupByRule(alerts.values());
  const seen = new Set<string>();
  const active = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      problems.push({
        ruleId: rule.id,
        code: 'duplicate-rule',
        message: `rule ${rule.id} is listed more than once; only the first is evaluated`,
      });
      continue;
    }
    seen.add(rule.id);
    if (!rule.enabled) continue;
    active.add(rule.id);
    const existing = byRule.get(rule.id) ?? [];
    const observations = observeRule(rule, stats, context.now, existing, problems);
    for (const [fingerprint, { tags, observation }] of observations) {
      const result = advanceAlert(
        alerts.get(fingerprint),
        { fingerprint, tags },
        rule,
        observation,
        context,
      );
      applyAdvance(alerts, fingerprint, result, effects);
    }
  }
  for (const alert of [...alerts.values()]) {
    if (alert.status !== 'resolved' && !active.has(alert.ruleId)) {
      applyAdvance(alerts, alert.fingerprint, retireAlert(alert, context), effects);
    }
  }
  return { effects, problems };
}

/** Stores (or drops) the alert an advance left and collects its transitions and intents. */
function applyAdvance(
  alerts: Map<string, Alert>,
  fingerprint: string,
  result: AdvanceResult,
  effects: LifecycleEffects,
): void {
  if (result.alert === undefined) alerts.delete(fingerprint);
  else alerts.set(fingerprint, result.alert);
  effects.transitions.push(...result.transitions);
  effects.intents.push(...result.intents);
}

/** Forgets resolved alerts once they have been kept for `retentionMs`. */
function dropExpiredResolved(alerts: Map<string, Alert>, now: number, retentionMs: number): void {
  for (const alert of [...alerts.values()]) {
    if (alert.status === 'resolved' && now - (alert.resolvedAt ?? now) >= retentionMs) {
      alerts.delete(alert.fingerprint);
    }
  }
}

/** Copies of the alerts, oldest first (ties by fingerprint). */
function sortedCopies(alerts: ReadonlyMap<string, Alert>): Alert[] {
  return [...alerts.values()]
    .sort((a, b) => a.startsAt - b.startsAt || compareText(a.fingerprint, b.fingerprint))
    .map((alert) => structuredClone(alert));
}

/** The alert an acknowledge or resolve acts on and the trimmed actor, or why there is none. */
function findAction(
  alerts: ReadonlyMap<string, Alert>,
  fingerprint: string,
  actor: string,
): { alert: Alert; actor: string } | { error: AlertActionError } {
  const alert = alerts.get(fingerprint);
  if (alert === undefined) {
    return {
      error: { code: 'unknown-fingerprint', message: `no alert ${fingerprint}`, fingerprint },
    };
  }
  const name = actor.trim();
  if (name === '') {
    return { error: { code: 'invalid-actor', message: 'actor must not be empty', fingerprint } };
  }
  return { alert, actor: name };
}

/** The result of an action that went through: the alert (a copy) and its single transition. */
function done(alert: Alert, effects: LifecycleEffects): AlertActionResult {
  return {
    ok: true,
    alert: structuredClone(alert),
    transition: effects.transitions[0]!,
    intents: effects.intents,
  };
}

/** The result of an action the alert's status does not allow. */
function refused(alert: Alert, action: string, allowed: string): AlertActionResult {
  return {
    ok: false,
    error: {
      code: 'invalid-transition',
      message: `cannot ${action} a ${alert.status} alert; only ${allowed} alerts can be`,
      fingerprint: alert.fingerprint,
      status: alert.status,
    },
  };
}

/**
 * One observation per fingerprint for a rule. An empty read is "no data" for every open alert of
 * the rule (or for the rule's own tag set when none is open). When the reader returns series, an
 * open alert whose series is no longer among them reads as the condition being false: a series
 * that stopped reporting (an endpoint nobody calls any more) resolves like in Prometheus instead
 * of lingering as no-data forever.
 */
function observeRule(
  rule: AlertRule,
  stats: StatsReader,
  now: number,
  existing: readonly Alert[],
  problems: EvaluationProblem[],
): Map<string, { tags: Readonly<Record<string, string>>; observation: Observation }> {
  const ruleTags = rule.tags ?? {};
  let series: readonly SeriesStat[] = [];
  try {
    series = stats.series({
      ruleId: rule.id,
      metric: rule.metric,
      tags: ruleTags,
      stat: rule.stat,
      window: rule.window,
      windowMs: ALERT_WINDOW_MS[rule.window],
      now,
    });
  } catch (error) {
    problems.push({
      ruleId: rule.id,
      code: 'stats-read-failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const observations = new Map<
    string,
    { tags: Readonly<Record<string, string>>; observation: Observation }
  >();
  for (const { tags: seriesTags, value } of series) {
    const tags = { ...ruleTags, ...seriesTags };
    observations.set(alertFingerprint(rule.id, tags), { tags, observation: observe(value, rule) });
  }
  const open = existing.filter((alert) => alert.status !== 'resolved');
  if (series.length === 0) {
    const noData = observe(null, rule);
    if (open.length === 0) {
      observations.set(alertFingerprint(rule.id, ruleTags), {
        tags: ruleTags,
        observation: noData,
      });
    }
    for (const alert of open)
      observations.set(alert.fingerprint, { tags: alert.tags, observation: noData });
    return observations;
  }
  for (const alert of open) {
    if (!observations.has(alert.fingerprint)) {
      observations.set(alert.fingerprint, {
        tags: alert.tags,
        observation: { met: false, value: null },
      });
    }
  }
  return observations;
}

function groupByRule(alerts: Iterable<Alert>): Map<string, Alert[]> {
  const byRule = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const list = byRule.get(alert.ruleId);
    if (list === undefined) byRule.set(alert.ruleId, [alert]);
    else list.push(alert);
  }
  return byRule;
}

function checkOptions(options: AlertEvaluatorOptions): AlertEvaluatorOptions {
  const invalid = (message: string): never => {
    throw new AlertingConfigError('invalid-option', `createAlertEvaluator: ${message}`);
  };
  if (typeof (options as Partial<AlertEvaluatorOptions>).clock?.now !== 'function') {
    invalid('options.clock must be an object with a now() method');
  }
  if (options.silences !== undefined && typeof options.silences !== 'function') {
    invalid('options.silences must be a function returning the silences');
  }
  const retention = options.resolvedRetentionMs;
  if (retention !== undefined && !(Number.isFinite(retention) && retention >= 0)) {
    invalid(`options.resolvedRetentionMs must be a finite number >= 0 (got ${String(retention)})`);
  }
  return options;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
