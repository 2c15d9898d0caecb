import type { Store } from '@taurine/store';
import type { ChannelView } from '../alerting/channel-manager.ts';
import type { AppConfig } from '../config.ts';
import type { LeaderLock } from '../infra/leader-lock.ts';
import type { MetricsService } from '../metrics/metrics-service.ts';
import { createReportFindings } from './report-findings.ts';
import type { ReportFindingSources } from './report-findings.ts';
import { createReportScheduler } from './report-scheduler.ts';
import type { ReportScheduler } from './report-scheduler.ts';
import { createReportSchedules } from './report-schedules.ts';
import type { ReportSchedules } from './report-schedules.ts';
import { createReportService } from './report-service.ts';
import type { ReportService } from './report-service.ts';

/**
 * The reports feature: the service, the schedules and the leader's scheduler, composed from what
 * the composition root opened (it opens nothing itself). Scheduled reports go out through the
 * alerting channels' outbox; links follow the app's public URL.
 */
export function createReporting(
  config: AppConfig,
  infrastructure: { store: Store; metrics: MetricsService; leader: LeaderLock },
  alerting: { alerting: { channels(): Promise<ChannelView[]> }; publicUrl: () => string },
  onError: (message: string, error: unknown) => void,
  findings?: ReportFindingSources,
): {
  reports: ReportService;
  reportSchedules: ReportSchedules;
  reportScheduler: ReportScheduler;
} {
  const { store, metrics, leader } = infrastructure;
  const now = () => Date.now();
  const reports = createReportService({
    config,
    store,
    registry: metrics.registry,
    now,
    ...(findings ? { findings: createReportFindings(findings) } : {}),
  });
  return {
    reports,
    reportSchedules: createReportSchedules(store),
    reportScheduler: createReportScheduler({
      store,
      reports,
      leader,
      channels: () => alerting.alerting.channels(),
      publicUrl: alerting.publicUrl,
      now,
      onError,
    }),
  };
}
