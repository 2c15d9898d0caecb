import type { MetricsRegistry, ReportAlertInput, ReportBudgetDefinition } from '@taurine/monitor';
import type { Store } from '@taurine/store';
import { VITAL_THRESHOLDS } from '@taurine/vitals';
import type { AppConfig } from '../config.ts';
import {
  DEFAULT_RECOMMENDED_ACTIONS,
  RECOMMENDED_ACTIONS,
} from '../alerting/notification-builder.ts';
import { createMetricsService } from '../metrics/metrics-service.ts';
import { toRecord } from '../snapshot/rollup-persistence.ts';

/**
 * The limits a report checks its figures against: the thresholds of the built-in alert rules
 * (availability 99 %, server errors 5 %, p95 2 s, cache hit rate 50 %) and web-vitals' "good"
 * bound for each vital's p75.
 */
export const REPORT_BUDGETS: readonly ReportBudgetDefinition[] = [
  { key: 'availability', limit: 0.99, direction: 'higher' },
  { key: 'errorRate', limit: 0.05, direction: 'lower' },
  { key: 'responseTime.p95', limit: 2000, direction: 'lower' },
  { key: 'cacheHitRate.memory', limit: 0.5, direction: 'higher' },
  ...(['LCP', 'INP', 'CLS'] as const).map((vital): ReportBudgetDefinition => ({
    key: `webVitals.${vital}.p75`,
    limit: VITAL_THRESHOLDS[vital].good,
    direction: 'lower',
  })),
];

/** The metric whose recommended actions apply when a budget is missed. */
const BUDGET_METRICS: Readonly<Record<string, string>> = {
  availability: 'health.uptimeRatio',
  errorRate: 'api.errorRate',
  'responseTime.p95': 'api.responseTime',
  'cacheHitRate.memory': 'cache.hitRate',
};

/** Most alert episodes a report reads. */
const MAX_ALERTS = 500;

/** The alert episodes a report counts, with each rule's metric for its recommended actions. */
export async function loadReportAlerts(store: Store) {
  const page = await store.alerts.list({ first: MAX_ALERTS });
  const metricOfRule = new Map<string, string>();
  const alerts: ReportAlertInput[] = page.records.map(({ alert }) => {
    metricOfRule.set(alert.ruleId, alert.metric);
    return {
      ruleId: alert.ruleId,
      ruleName: alert.ruleName,
      severity: alert.severity,
      firingSince: alert.firingSince,
      acknowledgedAt: alert.acknowledgedAt,
      resolvedAt: alert.resolvedAt,
    };
  });
  return { alerts, metricOfRule };
}

/**
 * The recommended actions of the rules that fired and of the budgets missed (the alerting
 * notifications' own list per metric), without repeats; the defaults when there is nothing to fix.
 */
export function recommendationsFor(
  metricOfRule: ReadonlyMap<string, string>,
): (context: { ruleIds: string[]; missedBudgets: string[] }) => string[] {
  return ({ ruleIds, missedBudgets }) => {
    const metrics = [
      ...ruleIds.map((id) => metricOfRule.get(id)),
      ...missedBudgets.map(
        (key) => BUDGET_METRICS[key] ?? (key.startsWith('webVitals.') ? 'webvitals' : undefined),
      ),
    ].filter((metric): metric is string => metric !== undefined);
    const actions = new Set<string>();
    for (const metric of metrics) {
      for (const action of RECOMMENDED_ACTIONS[metric] ?? DEFAULT_RECOMMENDED_ACTIONS)
        actions.add(action);
    }
    return actions.size === 0 ? [] : [...actions];
  };
}

/**
 * A registry holding every instance's persisted rollups over `[since, until)`, each instance's
 * series tagged `instance`, so an untagged query merges them: the cluster's statistics. The
 * calling instance's open minutes are in it once its next collection tick has flushed them.
 */
export async function loadClusterRegistry(
  config: AppConfig,
  store: Store,
  since: number,
  until: number,
): Promise<MetricsRegistry> {
  const { registry } = createMetricsService(config);
  const rows = await store.rollups.load({ since, until });
  registry.loadRollups(
    rows.map((row) => ({
      ...toRecord(row),
      seriesKey: `${row.instanceId}\u0000${row.seriesKey}`,
      tags: { ...row.tags, instance: row.instanceId },
    })),
  );
  return registry;
}
