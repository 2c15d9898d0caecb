import { BUDGET_STATUS_CODE } from '@taurine/monitor';
import type { MetricsRegistry, Regression, Tags } from '@taurine/monitor';
import type { InsightAnomaly } from './anomaly-scanner.ts';
import type { BudgetState } from './budget-service.ts';

/** The gauges alert rules of kind `regression`, `anomaly` and `budget` read. */
export const INSIGHT_GAUGES = {
  regression: {
    name: 'insight.regression',
    unit: 'ratio',
    help: 'Relative change of an open regression (tags metric, statistic, series); 0 once recovered',
  },
  anomaly: {
    name: 'insight.anomaly',
    unit: '',
    help: 'Robust z-score size of an open anomaly (tags metric, statistic, kind); 0 once ended',
  },
  budget: {
    name: 'insight.budget',
    unit: '',
    help: 'Budget status: -1 no data, 0 within, 1 at risk, 2 over (tags budget, metric)',
  },
  bundle: {
    name: 'web.bundleGzipSize',
    // KiB, exported to Prometheus in bytes (`taurine_web_bundle_gzip_size_bytes`).
    unit: 'KB',
    help: "The SPA's JavaScript, gzip-compressed (for the bundle budget)",
  },
} as const;

/** How long a recovered regression or ended anomaly keeps reading 0, so its alert resolves. */
export const SETTLED_GAUGE_MS = 10 * 60_000;

/** The `series` tag: a series' own tags in one readable value (`operation=flavors`). */
export function seriesLabel(tags: Tags): string {
  const text = Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return text === '' ? 'all' : text.slice(0, 200);
}

/** Defines the insight gauges (units make alert messages read `25.0 %`). */
export function defineInsightGauges(registry: MetricsRegistry): void {
  for (const gauge of Object.values(INSIGHT_GAUGES)) {
    registry.define(gauge.name, 'gauge', { unit: gauge.unit, help: gauge.help });
  }
}

/** Writes this tick's gauges: open items their size, recently settled ones 0, every budget. */
export function recordInsightGauges(
  registry: MetricsRegistry,
  now: number,
  state: { regressions: Regression[]; anomalies: InsightAnomaly[]; budgets: BudgetState[] },
): void {
  for (const regression of state.regressions) {
    if (regression.recoveredAt !== null && now - regression.recoveredAt > SETTLED_GAUGE_MS)
      continue;
    registry.gauge(
      INSIGHT_GAUGES.regression.name,
      regression.recoveredAt === null ? Math.abs(regression.change) : 0,
      {
        metric: regression.metric,
        statistic: regression.statistic,
        series: seriesLabel(regression.tags),
      },
    );
  }
  for (const anomaly of state.anomalies) {
    if (anomaly.endedAt !== null && now - anomaly.endedAt > SETTLED_GAUGE_MS) continue;
    registry.gauge(
      INSIGHT_GAUGES.anomaly.name,
      anomaly.endedAt === null ? Math.abs(anomaly.zScore) : 0,
      {
        metric: anomaly.metric,
        statistic: anomaly.statistic,
      },
    );
  }
  for (const budget of state.budgets) {
    registry.gauge(INSIGHT_GAUGES.budget.name, BUDGET_STATUS_CODE[budget.status], {
      budget: budget.id,
      metric: budget.metric,
    });
  }
}
