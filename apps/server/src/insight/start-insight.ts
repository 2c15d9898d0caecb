import { systemClock } from '@taurine/monitor';
import type { AlertingService } from '../alerting/alerting-service.ts';
import type { AppConfig } from '../config.ts';
import type { Infrastructure } from '../infra/infrastructure.ts';
import { createInsightService } from './insight-service.ts';
import type { InsightService } from './insight-service.ts';

/** Insight: budgets and deployments loaded (this start's version recorded), its rules seeded. */
export async function startInsight(
  config: AppConfig,
  { store, metrics }: Pick<Infrastructure, 'store' | 'metrics'>,
  alerting: AlertingService,
): Promise<InsightService> {
  const insight = createInsightService({
    registry: metrics.registry,
    store,
    clock: systemClock,
    config: config.insight,
    version: config.service.version,
    instanceId: config.instanceId,
    webDistDir: config.webDistDir,
    alerting,
  });
  await insight.load();
  return insight;
}
