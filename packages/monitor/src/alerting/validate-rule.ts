import {
  ALERT_COMPARISONS,
  ALERT_SEVERITIES,
  ALERT_STATS,
  ALERT_WINDOWS,
  DEFAULT_NO_DATA_STATE,
  NO_DATA_STATES,
} from './alert-rule.ts';
import type { AlertRule } from './alert-rule.ts';
import { FieldChecks, isRecord } from './field-checks.ts';
import type { FieldError } from './field-error.ts';
import { RESERVED_LABEL_NAMES } from './silence.ts';

/** Limits applied by {@link validateRule}. */
export const RULE_LIMITS = {
  idMaxLength: 128,
  nameMaxLength: 200,
  descriptionMaxLength: 2000,
  metricMaxLength: 200,
  tagMaxLength: 200,
  maxTags: 20,
} as const;

const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const METRIC_PATTERN = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** Result of {@link validateRule}. */
export type RuleValidationResult =
  | { readonly ok: true; readonly rule: AlertRule }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks untrusted rule input (a GraphQL mutation, a stored row) and returns the normalised rule or
 * every problem at once. Defaults: `enabled: true`, `builtIn: false`, `forMs: 0`,
 * `noDataState: 'no-data'`. Strings are trimmed.
 *
 * @param knownMetrics - when given, `metric` must be one of them (`unknown-metric` otherwise).
 */
export function validateRule(
  input: unknown,
  knownMetrics?: Iterable<string>,
): RuleValidationResult {
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [{ field: '', code: 'invalid-type', message: 'rule must be an object' }],
    };
  }
  const checks = new FieldChecks();
  const id = checks.text(input.id, 'id', RULE_LIMITS.idMaxLength);
  if (id !== undefined && !RULE_ID_PATTERN.test(id)) {
    checks.fail(
      'id',
      'invalid-format',
      'id may contain only letters, digits, ".", "_", ":" and "-"',
    );
  }
  const name = checks.text(input.name, 'name', RULE_LIMITS.nameMaxLength);
  const description = checks.optionalText(
    input.description,
    'description',
    RULE_LIMITS.descriptionMaxLength,
  );
  const metric = readMetric(checks, input.metric, knownMetrics);
  const tags = readTags(checks, input.tags);
  const stat = checks.oneOf(input.stat, 'stat', ALERT_STATS);
  const window = checks.oneOf(input.window, 'window', ALERT_WINDOWS);
  const comparison = checks.oneOf(input.comparison, 'comparison', ALERT_COMPARISONS);
  const threshold = checks.finite(input.threshold, 'threshold');
  const severity = checks.oneOf(input.severity, 'severity', ALERT_SEVERITIES);
  const forMs = checks.nonNegative(input.forMs ?? 0, 'forMs');
  const keepFiringForMs =
    input.keepFiringForMs === undefined || input.keepFiringForMs === null
      ? 0
      : checks.nonNegative(input.keepFiringForMs, 'keepFiringForMs');
  const noDataState = checks.oneOf(
    input.noDataState ?? DEFAULT_NO_DATA_STATE,
    'noDataState',
    NO_DATA_STATES,
  );
  const enabled = checks.flag(input.enabled, 'enabled', true);
  const builtIn = checks.flag(input.builtIn, 'builtIn', false);

  if (
    checks.errors.length > 0 ||
    id === undefined ||
    name === undefined ||
    metric === undefined ||
    tags === undefined ||
    stat === undefined ||
    window === undefined ||
    comparison === undefined ||
    threshold === undefined ||
    severity === undefined ||
    forMs === undefined ||
    keepFiringForMs === undefined ||
    noDataState === undefined ||
    enabled === undefined ||
    builtIn === undefined
  ) {
    return { ok: false, errors: checks.errors };
  }
  const rule: AlertRule = {
    id,
    name,
    ...(description === undefined ? {} : { description }),
    metric,
    tags,
    stat,
    window,
    comparison,
    threshold,
    severity,
    forMs,
    keepFiringForMs,
    noDataState,
    enabled,
    builtIn,
  };
  return { ok: true, rule };
}

function readMetric(
  checks: FieldChecks,
  value: unknown,
  knownMetrics: Iterable<string> | undefined,
): string | undefined {
  const metric = checks.text(value, 'metric', RULE_LIMITS.metricMaxLength);
  if (metric === undefined) return undefined;
  if (!METRIC_PATTERN.test(metric)) {
    checks.fail(
      'metric',
      'invalid-format',
      'metric must be a dotted name such as api.responseTime',
    );
    return undefined;
  }
  if (knownMetrics !== undefined && !new Set(knownMetrics).has(metric)) {
    checks.fail('metric', 'unknown-metric', `unknown metric "${metric}"`);
    return undefined;
  }
  return metric;
}

function readTags(checks: FieldChecks, value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    checks.fail('tags', 'invalid-type', 'tags must be an object of strings');
    return undefined;
  }
  const entries = Object.entries(value);
  if (entries.length > RULE_LIMITS.maxTags) {
    checks.fail('tags', 'too-long', `tags may hold at most ${RULE_LIMITS.maxTags} entries`);
    return undefined;
  }
  const tags: Record<string, string> = {};
  const before = checks.errors.length;
  for (const [rawKey, rawValue] of entries) {
    const key = rawKey.trim();
    const field = `tags.${rawKey}`;
    if (key === '') {
      checks.fail('tags', 'empty', 'tag names must not be empty');
      continue;
    }
    if ((RESERVED_LABEL_NAMES as readonly string[]).includes(key)) {
      checks.fail(field, 'reserved-name', `"${key}" is reserved for silences and cannot be a tag`);
      continue;
    }
    const tagValue = checks.text(rawValue, field, RULE_LIMITS.tagMaxLength);
    if (tagValue !== undefined) tags[key] = tagValue;
  }
  return checks.errors.length === before ? tags : undefined;
}
