import { ALERT_STATUSES } from './alert.ts';
import type { Alert } from './alert.ts';
import { ALERT_COMPARISONS, ALERT_SEVERITIES, ALERT_STATS, ALERT_WINDOWS } from './alert-rule.ts';
import { isRecord } from './field-checks.ts';

/** Version of {@link AlertEvaluatorState}; bumped on incompatible changes. */
export const EVALUATOR_STATE_VERSION = 1;

/**
 * Everything the evaluator remembers, as plain JSON: open alerts and recently resolved ones with
 * their timers (pending, firing, cleared, no-data), last notification time, escalation level and
 * notification sequence. Persist it after each evaluation; restoring it continues every timer.
 */
export interface AlertEvaluatorState {
  readonly version: typeof EVALUATOR_STATE_VERSION;
  readonly alerts: readonly Alert[];
}

/** Result of {@link parseEvaluatorState}. */
export type StateParseResult =
  | { readonly ok: true; readonly state: AlertEvaluatorState }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'invalid-state'; readonly message: string };
    };

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
const isBoolean: Check = (value) => typeof value === 'boolean';
const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const isStringRecord: Check = (value) =>
  isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');

// Typed by `keyof Alert`, so adding a field to Alert without checking it here fails to compile.
const ALERT_FIELD_CHECKS: Readonly<Record<keyof Alert, Check>> = {
  fingerprint: isString,
  groupKey: isString,
  ruleId: isString,
  ruleName: isString,
  description: nullable(isString),
  metric: isString,
  stat: oneOf(ALERT_STATS),
  window: oneOf(ALERT_WINDOWS),
  comparison: oneOf(ALERT_COMPARISONS),
  threshold: isNumber,
  severity: oneOf(ALERT_SEVERITIES),
  tags: isStringRecord,
  status: oneOf(ALERT_STATUSES),
  value: nullable(isNumber),
  startsAt: isNumber,
  pendingSince: nullable(isNumber),
  firingSince: nullable(isNumber),
  acknowledgedAt: nullable(isNumber),
  acknowledgedBy: nullable(isString),
  acknowledgeComment: nullable(isString),
  resolvedAt: nullable(isNumber),
  resolvedBy: nullable(isString),
  conditionClearedAt: nullable(isNumber),
  noDataSince: nullable(isNumber),
  resumeStatus: nullable(oneOf(['firing', 'acknowledged'])),
  lastEvaluatedAt: isNumber,
  escalationLevel: isCount,
  lastNotifiedAt: nullable(isNumber),
  announced: isBoolean,
  notificationSeq: isCount,
};

const FIELDS = Object.keys(ALERT_FIELD_CHECKS) as (keyof Alert)[];

/**
 * Checks persisted evaluator state before it is restored: version, every field's type, one alert
 * per fingerprint, and the timers each status needs. Unknown fields are dropped.
 */
export function parseEvaluatorState(input: unknown): StateParseResult {
  const invalid = (message: string): StateParseResult => ({
    ok: false,
    error: { code: 'invalid-state', message },
  });
  if (!isRecord(input)) return invalid('state must be an object');
  if (input.version !== EVALUATOR_STATE_VERSION) {
    return invalid(
      `unsupported state version ${String(input.version)}; expected ${EVALUATOR_STATE_VERSION}`,
    );
  }
  if (!Array.isArray(input.alerts)) return invalid('state.alerts must be a list');
  const alerts: Alert[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of (input.alerts as unknown[]).entries()) {
    if (!isRecord(raw)) return invalid(`alerts.${index} must be an object`);
    const badField = FIELDS.find((field) => !ALERT_FIELD_CHECKS[field](raw[field]));
    if (badField !== undefined) return invalid(`alerts.${index}.${badField} is missing or invalid`);
    const alert = Object.fromEntries(
      FIELDS.map((field) => [field, raw[field]]),
    ) as unknown as Alert;
    const problem = inconsistency(alert);
    if (problem !== undefined) return invalid(`alerts.${index}: ${problem}`);
    if (seen.has(alert.fingerprint)) return invalid(`alerts.${index}: duplicate fingerprint`);
    seen.add(alert.fingerprint);
    alerts.push(structuredClone(alert));
  }
  return { ok: true, state: { version: EVALUATOR_STATE_VERSION, alerts } };
}

function inconsistency(alert: Alert): string | undefined {
  switch (alert.status) {
    case 'pending':
      return alert.pendingSince === null ? 'a pending alert needs pendingSince' : undefined;
    case 'firing':
    case 'acknowledged':
      return alert.firingSince === null ? `a ${alert.status} alert needs firingSince` : undefined;
    case 'resolved':
      return alert.resolvedAt === null ? 'a resolved alert needs resolvedAt' : undefined;
    case 'no-data':
      return alert.noDataSince === null ? 'a no-data alert needs noDataSince' : undefined;
  }
}
