import type { TieredCache } from '@taurine/cache';
import type { Store } from '@taurine/store';
import type { ApiKeyService } from './access/api-keys.ts';
import type { AuditRecorder } from './access/audit.ts';
import type { Analytics } from './analytics/analytics.ts';
import type { AlertingService } from './alerting/alerting-service.ts';
import type { CollectionJob } from './snapshot/collection-job.ts';
import type { LoadTestService } from './load-tests/load-test-service.ts';
import type { InsightService } from './insight/insight-service.ts';
import type { ClusterService } from './cluster/cluster-service.ts';
import type { AppConfig } from './config.ts';
import type { CacheOperations } from './cache/cache-operations.ts';
import type { CatalogService } from './catalog/catalog-service.ts';
import type { DashboardService } from './dashboards/dashboard-service.ts';
import type { EventService } from './catalog/event-service.ts';
import type { MetricsService } from './metrics/metrics-service.ts';
import type { TaurinePubSub } from './infra/pubsub.ts';
import type { SharedSubscriptionResults } from './subscriptions/shared-results.ts';
import type { ReportScheduler } from './reports/report-scheduler.ts';
import type { ReportSchedules } from './reports/report-schedules.ts';
import type { ReportService } from './reports/report-service.ts';
import type { Operations } from './operations/operations-facade.ts';

/** Everything the API layer uses, wired once in `buildApp`. */
export interface Services {
  config: AppConfig;
  store: Store;
  catalog: CatalogService;
  cache: TieredCache;
  cacheOps: CacheOperations;
  events: EventService;
  metrics: MetricsService;
  /** Visitor analytics (page views, sessions, feature use) and the business figures. */
  analytics: Analytics;
  /** The collection tick: latest snapshot, rollup persistence. */
  collector: CollectionJob;
  /** The deployment: merged statistics, instances, the one snapshot stream. */
  cluster: ClusterService;
  pubsub: TaurinePubSub;
  /** Alert rules, lifecycle, silences, channels and the notification outbox. */
  alerting: AlertingService;
  /** API keys: create, list, revoke, authenticate. */
  apiKeys: ApiKeyService;
  /** Baselines, regressions, anomalies, budgets and deployments. */
  insight: InsightService;
  /** Appends audit entries (mutations are recorded by the audit plugin). */
  audit: AuditRecorder;
  /** Stored results of `npm run loadtest` (`loadTestRuns`, `recordLoadTestRun`). */
  loadTests: LoadTestService;
  /** Subscription events executed once per document, variables and role, for every subscriber. */
  subscriptionResults: SharedSubscriptionResults;
  /** Dashboards as data: stored documents, versions, visibility. */
  dashboards: DashboardService;
  /** Reports: built from the statistics, stored, downloaded. */
  reports: ReportService;
  /** Report schedules (admin) and the leader's scheduler that runs them. */
  reportSchedules: ReportSchedules;
  reportScheduler: ReportScheduler;
  /** Epoch ms when this process started serving. */
  startedAt: number;
  /** Suggestions, automatic responses (with this instance's load shedder) and diagnostics. */
  operations: Operations;
}
