import type { TieredCache } from '@taurine/cache';
import type { Store } from '@taurine/store';
import type { ApiKeyService } from './access/api-keys.ts';
import type { AuditRecorder } from './access/audit.ts';
import type { AlertingService } from './alerting/alerting-service.ts';
import type { CollectionJob } from './snapshot/collection-job.ts';
import type { AppConfig } from './config.ts';
import type { CacheOperations } from './cache/cache-operations.ts';
import type { CatalogService } from './catalog/catalog-service.ts';
import type { EventService } from './catalog/event-service.ts';
import type { MetricsService } from './metrics/metrics-service.ts';
import type { TaurinePubSub } from './infra/pubsub.ts';
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
  /** The collection tick: latest snapshot, rollup persistence. */
  collector: CollectionJob;
  pubsub: TaurinePubSub;
  /** Alert rules, lifecycle, silences, channels and the notification outbox. */
  alerting: AlertingService;
  /** API keys: create, list, revoke, authenticate. */
  apiKeys: ApiKeyService;
  /** Appends audit entries (mutations are recorded by the audit plugin). */
  audit: AuditRecorder;
  /** Epoch ms when this process started serving. */
  startedAt: number;
  /** Suggestions, automatic responses (with this instance's load shedder) and diagnostics. */
  operations: Operations;
}
