import type { AlertComparison, AlertRule } from './alert-rule.ts';

/** How a metric reads in a rule name: what it is called and how its threshold is written. */
export interface RuleNameFormat {
  /** `Heap memory`, or a function of the statistic (`API p95 response time`). */
  subject: string | ((stat: AlertRule['stat']) => string);
  /** The threshold as people read it (`80 % of the limit`, `2 s`). */
  threshold: (value: number) => string;
}

const trimmed = (value: number, digits: number): string => String(Number(value.toFixed(digits)));
const percent = (ratio: number): string => `${trimmed(ratio * 100, 2)} %`;
const duration = (ms: number): string =>
  ms >= 1000 ? `${trimmed(ms / 1000, 3)} s` : `${trimmed(ms, 1)} ms`;

/**
 * Rule names derived from the definition, per metric: the built-in rules are named this way, and
 * a rule whose name is still the derived one is renamed when its threshold or comparison changes
 * (see {@link followingRuleName}). Exported data, so a metric can be added without code.
 */
export const RULE_NAME_FORMATS: Readonly<Record<string, RuleNameFormat>> = {
  'cache.hitRate': { subject: 'Cache hit rate', threshold: percent },
  'process.heapUsedRatio': {
    subject: 'Heap memory',
    threshold: (ratio) => `${percent(ratio)} of the limit`,
  },
  'process.heapUsedMB': { subject: 'Heap memory', threshold: (mb) => `${trimmed(mb, 1)} MB` },
  'api.responseTime': { subject: (stat) => `API ${stat} response time`, threshold: duration },
  'health.score': { subject: 'Health score', threshold: (score) => trimmed(score, 2) },
  'business.conversionRate': { subject: 'Conversion rate', threshold: percent },
  'api.errorRate': { subject: 'Error rate', threshold: percent },
  'health.uptimeRatio': { subject: 'Uptime', threshold: percent },
};

const COMPARISON_WORDS: Readonly<Record<AlertComparison, string>> = {
  '>': 'above',
  '>=': 'at or above',
  '<': 'below',
  '<=': 'at or below',
};

/**
 * The name a rule's definition reads as, e.g. `Heap memory above 80 % of the limit`; `null` for a
 * metric without a {@link RULE_NAME_FORMATS} entry.
 */
export function derivedRuleName(
  rule: Pick<AlertRule, 'metric' | 'stat' | 'comparison' | 'threshold'>,
): string | null {
  const format = RULE_NAME_FORMATS[rule.metric];
  if (format === undefined) return null;
  const subject = typeof format.subject === 'string' ? format.subject : format.subject(rule.stat);
  return `${subject} ${COMPARISON_WORDS[rule.comparison]} ${format.threshold(rule.threshold)}`;
}

/**
 * The name of `next`, an edit of `previous`: a name that was the derived one follows the new
 * definition (`Heap memory above 80 %…` becomes `…above 90 %…` when the threshold goes to 0.9);
 * a name someone chose, or a name given with the edit, stays as it is.
 */
export function followingRuleName(
  previous: Pick<AlertRule, 'name' | 'metric' | 'stat' | 'comparison' | 'threshold'>,
  next: Pick<AlertRule, 'name' | 'metric' | 'stat' | 'comparison' | 'threshold'>,
): string {
  if (next.name !== previous.name) return next.name;
  if (derivedRuleName(previous) !== previous.name) return next.name;
  return derivedRuleName(next) ?? next.name;
}
