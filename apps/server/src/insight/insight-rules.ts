import type { AlertRule } from '@taurine/monitor';
import { INSIGHT_GAUGES } from './insight-gauges.ts';

/** Rule kinds: threshold rules on any metric, and the three insight kinds on insight's gauges. */
export const RULE_KINDS = ['threshold', 'budget', 'regression', 'anomaly'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The kind of a rule, from the metric it reads. */
export function ruleKind(rule: Pick<AlertRule, 'metric'>): RuleKind {
  switch (rule.metric) {
    case INSIGHT_GAUGES.regression.name:
      return 'regression';
    case INSIGHT_GAUGES.anomaly.name:
      return 'anomaly';
    case INSIGHT_GAUGES.budget.name:
      return 'budget';
    default:
      return 'threshold';
  }
}

type InsightRule = Omit<AlertRule, 'builtIn'>;

const base = {
  tags: {},
  stat: 'last',
  window: '1m',
  comparison: '>',
  forMs: 0,
  noDataState: 'ok',
  enabled: true,
} as const;

/**
 * The default insight rules, added at start when missing (edit or disable them; a deleted one returns at the next start): one alert per
 * regressed series and statistic, per anomalous metric, per budget over its limit. `last` reads
 * the newest gauge value, so an alert resolves the tick its regression recovers.
 */
export const INSIGHT_RULES: readonly InsightRule[] = [
  {
    ...base,
    id: 'insight.regression',
    name: 'Regression against the baseline',
    description:
      'A statistic of a series is worse than its baseline past the regression threshold.',
    metric: INSIGHT_GAUGES.regression.name,
    threshold: 0,
    severity: 'warning',
  },
  {
    ...base,
    id: 'insight.anomaly',
    name: 'Anomaly in a key metric',
    description: 'A spike or level shift against the same time of earlier days or the recent past.',
    metric: INSIGHT_GAUGES.anomaly.name,
    threshold: 0,
    severity: 'warning',
  },
  {
    ...base,
    id: 'insight.budget',
    name: 'Performance budget over its limit',
    description: 'A budget (Web Vitals, API p95, bundle size, memory, cache hit rate) is over.',
    metric: INSIGHT_GAUGES.budget.name,
    comparison: '>=',
    threshold: 2,
    severity: 'warning',
    window: '5m',
  },
];
