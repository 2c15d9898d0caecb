import type {
  Baseline,
  BaselinePeriod,
  Clock,
  MetricsRegistry,
  Regression,
  Tags,
} from '@taurine/monitor';
import type { Store } from '@taurine/store';
import type { AlertingService } from '../alerting/alerting-service.ts';
import { createAnomalyScanner } from './anomaly-scanner.ts';
import type { InsightAnomaly } from './anomaly-scanner.ts';
import { createBudgetService } from './budget-service.ts';
import type { BudgetService } from './budget-service.ts';
import { spaBundleGzipKB } from './bundle-size.ts';
import { createDeploymentService } from './deployment-service.ts';
import type { DeploymentService } from './deployment-service.ts';
import type { InsightConfig } from './insight-config.ts';
import { INSIGHT_GAUGES, defineInsightGauges, recordInsightGauges } from './insight-gauges.ts';
import { INSIGHT_RULES } from './insight-rules.ts';
import { createRegressionScanner } from './regression-scanner.ts';

/** Options of {@link createInsightService}. */
export interface InsightServiceOptions {
  registry: MetricsRegistry;
  store: Store;
  clock: Clock;
  config: InsightConfig;
  /** `SERVICE_VERSION`: a start with a new one records a deployment. */
  version: string;
  instanceId: string;
  webDistDir: string | null;
  /** Seeds the insight alert rules (once); absent in tests that need no alerting. */
  alerting?: Pick<AlertingService, 'rules' | 'createRule'>;
}

/** What the snapshot carries from insight. */
export interface InsightSummary {
  openRegressions: number;
  openAnomalies: number;
  budgetsOver: number;
}

/**
 * Insight on the server: baselines, regression and anomaly scans and budget checks refreshed on the
 * collection tick (chunked: the event loop is never held for more than ~20 ms), deployments and
 * budgets persisted, and the gauges the insight alert rules read.
 */
export function createInsightService(options: InsightServiceOptions) {
  const { registry, clock, store } = options;
  const regressions = createRegressionScanner({ registry, clock, config: options.config });
  const anomalies = createAnomalyScanner({ registry, clock });
  const budgets: BudgetService = createBudgetService({ store, registry, clock });
  const deployments: DeploymentService = createDeploymentService({
    store,
    registry,
    clock,
    version: options.version,
    instanceId: options.instanceId,
  });
  const bundleKB = spaBundleGzipKB(options.webDistDir);
  defineInsightGauges(registry);

  return {
    budgets,
    deployments,

    /** Loads budgets and deployments, records this start's version, seeds the insight rules. */
    async load() {
      await budgets.load();
      await deployments.load();
      if (options.alerting) {
        const existing = new Set((await options.alerting.rules()).map((rule) => rule.id));
        for (const rule of INSIGHT_RULES) {
          if (!existing.has(rule.id)) await options.alerting.createRule(rule);
        }
      }
    },

    /** The tick's insight work at `now`, before rule evaluation reads the gauges. */
    async refresh(now: number): Promise<void> {
      if (bundleKB !== null) registry.gauge(INSIGHT_GAUGES.bundle.name, bundleKB);
      await regressions.refreshBaselines(now);
      await regressions.scan(now);
      await anomalies.scan();
      budgets.evaluate();
      recordInsightGauges(registry, now, {
        regressions: regressions.regressions(now - 15 * 60_000),
        anomalies: anomalies.anomalies(now - 15 * 60_000),
        budgets: budgets.list(),
      });
    },

    /** Recomputes every baseline now (tests and the bench; the tick does it on its schedule). */
    refreshBaselines: (now: number) => regressions.refreshBaselines(now, true),

    baseline(metric: string, tags: Tags, period: BaselinePeriod): Baseline | null {
      return regressions.baseline(metric, tags, period, clock.now());
    },
    regressions: (since: number, severity?: Regression['severity']): Regression[] =>
      regressions.regressions(since, severity),
    anomalies: (since: number): InsightAnomaly[] => anomalies.anomalies(since),
    baselineCount: () => regressions.baselineCount(),

    summary(): InsightSummary {
      return {
        openRegressions: regressions.openRegressions().length,
        openAnomalies: anomalies.openAnomalies().length,
        budgetsOver: budgets.list().filter((budget) => budget.status === 'over').length,
      };
    },
  };
}

export type InsightService = ReturnType<typeof createInsightService>;
