import { randomUUID } from 'node:crypto';
import { systemClock } from '@taurine/monitor';
import { openStore } from '@taurine/store';
import type { DestinationStream } from 'pino';
import type { WebSocketServer } from 'ws';
import { createApiKeyService } from './access/api-keys.ts';
import { createAuditRecorder } from './access/audit.ts';
import { createMemoryRateLimiter, createRedisRateLimiter } from './access/rate-limiter.ts';
import { createBusinessMetrics } from './analytics/business-metrics.ts';
import { createVisitorAnalytics } from './analytics/visitor-analytics.ts';
import { createAlertingService } from './alerting/alerting-service.ts';
import { createDashboardService } from './dashboards/dashboard-service.ts';
import type { AlertingService } from './alerting/alerting-service.ts';
import { cacheHitRate } from './cache/cache-metrics-recorder.ts';
import { createCacheOperations } from './cache/cache-operations.ts';
import { createCache } from './cache/cache-service.ts';
import { createCatalogService } from './catalog/catalog-service.ts';
import { createEventService } from './catalog/event-service.ts';
import { startBackgroundWork } from './background-work.ts';
import type { AppConfig } from './config.ts';
import { graphiqlAssetRoute } from './graphiql/graphiql-page.ts';
import { createTaurineYoga, sessionIdFrom } from './graphql/taurine-yoga.ts';
import type { TaurineYoga, TaurineYogaOptions } from './graphql/taurine-yoga.ts';
import { createHttpListener } from './http/http-listener.ts';
import { createInsightService } from './insight/insight-service.ts';
import type { InsightService } from './insight/insight-service.ts';
import type { HttpListener } from './http/http-listener.ts';
import { createRouteAuthorizer, createRoutes } from './http/routes.ts';
import { createStaticHandler } from './http/static-files.ts';
import { allowedMethods } from './http/use-routes.ts';
import { createLeaderLock } from './infra/leader-lock.ts';
import { createLoadTestService } from './load-tests/load-test-service.ts';
import type { AutomaticResponses } from './operations/automatic-responses.ts';
import { createCacheKeyWatch, ttlOfKey } from './operations/cache-key-watch.ts';
import { createOperations } from './operations/operations-facade.ts';
import { configSummary, createLogger } from './logging/logger.ts';
import type { Logger } from './logging/logger.ts';
import { createInstanceEventTarget, createTaurinePubSub } from './infra/pubsub.ts';
import { createRedisClients } from './infra/redis-clients.ts';
import { createMetricsService } from './metrics/metrics-service.ts';
import { ProcessSampler } from './metrics/process-sampler.ts';
import { recordBridgeAnswer } from './metrics/use-response-timing.ts';
import { createReporting } from './reports/reporting.ts';
import type { Services } from './services.ts';
import { createCollectionJob } from './snapshot/collection-job.ts';
import { createClusterService } from './cluster/cluster-service.ts';
import { LiveSubscriptions } from './subscriptions/live-subscriptions.ts';
import { SharedSubscriptionResults } from './subscriptions/shared-results.ts';

export interface App {
  yoga: TaurineYoga;
  services: Services;
  /** The server's logger (`LOG_LEVEL`); `main.ts` logs start and stop through it. */
  logger: Logger;
  /** The admin key generated at this first start (print it once), or null. */
  bootstrapAdminKey: string | null;
  /** Listens on `config.port` (0 picks a free port) and returns the base URL. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting work, closes sockets and flushes state. Safe to call twice. */
  stop(): Promise<void>;
}

type Log = TaurineYogaOptions['log'];

/**
 * The shared infrastructure: the migrated store, the metrics, Redis when configured with the
 * pub/sub over it, the tiered cache, and the alerting leader lock.
 */
async function openInfrastructure(config: AppConfig, log: Log) {
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
  });
  await store.migrate();
  const metrics = createMetricsService(config);
  const redis = config.redisUrl
    ? createRedisClients(config.redisUrl, (error) => {
        log(`Redis: ${error.message} (serving from memory until it is back)`);
      })
    : undefined;
  const pubsub = createTaurinePubSub(
    redis
      ? createInstanceEventTarget({
          publisher: redis.eventPublisher,
          subscriber: redis.eventSubscriber,
          // Unique per process: two instances on one host may share INSTANCE_ID (the host name).
          instanceId: `${config.instanceId}/${randomUUID()}`,
          prefix: `${config.redisPrefix}events:`,
        })
      : undefined,
  );
  // Give Redis a moment to connect so the first requests do not open the circuit breaker.
  await redis?.ready(2000);
  const cache = createCache({
    registry: metrics.registry,
    redis,
    instanceId: config.instanceId,
    redisPrefix: `${config.redisPrefix}cache:`,
    lockPrefix: `${config.redisPrefix}cache-lock:`,
    redisTimeoutMs: config.redisTimeoutMs,
  });
  // With several instances, one evaluates rules (each evaluator keeps its own state) and computes
  // the cluster snapshot; every instance may deliver from the shared outbox, whose leases keep
  // deliveries single. Renewed every tick; a dead leader's lock expires after two ticks.
  const leaderKey = `${config.redisPrefix}alerting:leader`;
  const leader = createLeaderLock({
    redis: redis?.commands,
    key: leaderKey,
    instanceId: config.instanceId,
    ttlMs: Math.max(2 * config.collectIntervalMs, 1000),
  });
  return { store, metrics, redis, pubsub, cache, leader, leaderKey };
}

type Infrastructure = Awaited<ReturnType<typeof openInfrastructure>>;

/**
 * Access: the API keys with the bootstrap admin key, the audit recorder and the rate limiter
 * (in Redis when configured, in memory while Redis is unavailable).
 */
async function buildAccess(
  config: AppConfig,
  { store, redis }: Infrastructure,
  live: LiveSubscriptions,
  log: Log,
) {
  const keyService = createApiKeyService({ keys: store.apiKeys });
  // A revoked key's open subscriptions end at once here; other instances see the revocation
  // through their key cache (`recheckKeys` in `startBackgroundWork`).
  const apiKeys: typeof keyService = {
    ...keyService,
    async revoke(id) {
      const revoked = await keyService.revoke(id);
      if (revoked !== undefined) live.endForKey(id);
      return revoked;
    },
  };
  const bootstrap = await apiKeys.ensureBootstrapAdmin(config.adminApiKey);
  const audit = createAuditRecorder({
    repo: store.auditLog,
    onError: (error) => {
      log('audit write failed', error);
    },
  });
  const limiter = redis
    ? createRedisRateLimiter({
        redis: redis.commands,
        keyPrefix: `${config.redisPrefix}ratelimit:`,
        ...(config.redisTimeoutMs === undefined ? {} : { timeoutMs: config.redisTimeoutMs }),
        fallback: createMemoryRateLimiter(),
        onError: (error) => {
          log('rate limiter: Redis unavailable, limiting in memory', error);
        },
      })
    : createMemoryRateLimiter();
  return { apiKeys, bootstrap, audit, limiter };
}

/**
 * The alerting service, started. Without PUBLIC_URL, notification links follow the address bound
 * in `start()` (PORT=0 too): `followBoundUrl` tells it.
 */
async function startAlerting(
  config: AppConfig,
  { store, metrics, pubsub }: Infrastructure,
  log: Log,
  logger: Logger,
) {
  let publicUrl = config.alertChannels.dashboardUrl;
  const alerting = createAlertingService({
    store,
    registry: metrics.registry,
    clock: systemClock,
    channelsFromEnv: {
      ...config.alertChannels,
      get dashboardUrl() {
        return publicUrl;
      },
    },
    // The outbox lease owner: a restart with the same id takes its in-flight items back at once.
    instanceId: config.instanceId,
    dispatcher: { leaseMs: config.alertOutboxLeaseMs },
    publish: (event) => {
      pubsub.publish('alertEvent', event);
    },
    logger,
    onReclaimed: (count) => {
      logger.info(`alerting: took back ${count} outbox item(s) leased before the last shutdown`);
    },
    onError: (error) => {
      log('alerting:', error);
    },
  });
  await alerting.start();
  const followBoundUrl = (url: string) => {
    if (!config.publicUrlConfigured) publicUrl = url;
  };
  return { alerting, followBoundUrl, publicUrl: () => publicUrl };
}

/** Visitor analytics (the `/analytics` beacons) and the business figures, over the registry. */
function createAnalytics(config: AppConfig, { metrics }: Infrastructure): Services['analytics'] {
  return {
    visitors: createVisitorAnalytics({ registry: metrics.registry }),
    business: createBusinessMetrics({ registry: metrics.registry, config: config.analytics }),
  };
}

/** Insight: budgets and deployments loaded (this start's version recorded), its rules seeded. */
async function startInsight(
  config: AppConfig,
  { store, metrics }: Infrastructure,
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

/** The catalogue read through the cache (the key watch listening) and the operations side. */
async function buildOperations(
  config: AppConfig,
  { store, metrics, pubsub, cache }: Infrastructure,
  audit: Awaited<ReturnType<typeof buildAccess>>['audit'],
) {
  const keys = createCacheKeyWatch({ ttlOf: ttlOfKey(cache) });
  const catalog = createCatalogService(cache, keys);
  const cacheOps = createCacheOperations(cache, catalog);
  const built = await createOperations({
    config: config.operations,
    dataDir: config.dataDir,
    instanceId: config.instanceId,
    repo: store.automaticResponses,
    registry: metrics.registry,
    cache,
    cacheOps,
    keys,
    pubsub,
    audit,
  });
  return { catalog, cacheOps, ...built };
}

/**
 * The collection job over every source it reads, this instance's persisted history restored. Rules
 * are evaluated on the instance holding the leader lock.
 */
async function restoreCollector(
  config: AppConfig,
  { store, metrics, pubsub, cache, leader, leaderKey, redis }: Infrastructure,
  alerting: AlertingService,
  analytics: Services['analytics'],
  insight: InsightService,
  responses: AutomaticResponses,
  webSockets: () => WebSocketServer | undefined,
  log: Log,
) {
  const { registry } = metrics;
  const sampler = new ProcessSampler();
  const onError = (step: string, error: unknown) => {
    log(`collection tick: ${step} failed`, error);
  };
  // The cluster needs a store every instance shares (PostgreSQL) and Redis; otherwise it is off.
  const cluster = createClusterService({
    instanceId: config.instanceId,
    version: config.service.version,
    startedAt: Date.now(),
    intervalMs: config.collectIntervalMs,
    registry,
    sessions: metrics.sessions,
    store,
    pubsub,
    redis: config.databaseUrl ? redis?.commands : undefined,
    redisPrefix: config.redisPrefix,
    leaderKey,
    activeAlerts: () => alerting.activeAlerts(),
    onError,
  });
  let leading = false;
  const collector = createCollectionJob({
    registry,
    store,
    sampler,
    instanceId: config.instanceId,
    intervalMs: config.collectIntervalMs,
    shareOpenMinute: cluster.enabled,
    onError,
    publish: (snapshot) => {
      void cluster.publishTick(snapshot, leading);
    },
    sources: {
      dependencies: async () => ({
        database: (await store.ping()) ? 'up' : 'down',
        memoryCache: cache.status().memory,
        redis: cache.status().redis,
        websocket: webSockets() ? 'up' : 'disabled',
      }),
      cacheHitRate: () => Promise.resolve(cacheHitRate(registry)),
      cacheTiers: () => cache.status(),
      activeUsers: (now) => metrics.sessions.count(now),
      webSocketConnections: () => webSockets()?.clients.size ?? 0,
      // The leader alone evaluates rules and automatic responses: a response acts once.
      evaluateAlerts: async (now) => {
        leading = await leader.acquire();
        if (!leading) return;
        await alerting.evaluate(now);
        await responses.evaluate().catch((error: unknown) => {
          log('automatic responses failed', error);
        });
      },
      activeAlerts: () => alerting.activeAlerts(),
      analytics: (now) => {
        analytics.visitors.closeIdle(now);
        analytics.business.updateCostPerAcquisition();
      },
      refreshInsight: (now) => insight.refresh(now),
      insightSummary: () => insight.summary(),
    },
  });
  await collector.restore();
  return { collector, sampler, cluster };
}

/** The API: the REST routes with their authorizer and the SPA fallback, and yoga around them. */
function buildApi(
  config: AppConfig,
  services: Services,
  { limiter }: Awaited<ReturnType<typeof buildAccess>>,
  live: LiveSubscriptions,
  log: Log,
  logger: Logger,
) {
  const graphiqlEnabled = config.graphiql && config.introspection;
  const routing = {
    routes: [
      ...createRoutes(services, { trustProxy: config.trustProxy }),
      ...(graphiqlEnabled ? [graphiqlAssetRoute] : []),
    ],
    authorize: createRouteAuthorizer({
      apiKeys: services.apiKeys,
      publicDashboard: config.publicDashboard,
      trustProxy: config.trustProxy,
      audit: services.audit,
    }),
    fallback: config.webDistDir
      ? createStaticHandler(config.webDistDir, { embedOrigins: config.embedOrigins })
      : undefined,
  };
  const yoga = createTaurineYoga({
    config,
    services,
    routing,
    limiter,
    live,
    graphiqlEnabled,
    log,
    logger,
  });
  return { yoga, routing };
}

/**
 * The composition root: creates every service and adapter and wires them together. Logs go to
 * stdout, or to `options.logDestination` (tests read them there).
 */
export async function buildApp(
  config: AppConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<App> {
  const logger = createLogger(config, options.logDestination);
  logger.info({ event: 'config', config: configSummary(config) }, 'configuration');
  // Failures the server absorbs and serves through (Redis down, an audit write lost).
  const log: Log = (message, error) => {
    const reason = error instanceof Error ? error.message : error;
    logger.warn(reason === undefined ? {} : { reason }, message);
  };
  const infrastructure = await openInfrastructure(config, log);
  const { store, metrics, redis, pubsub, cache, leader } = infrastructure;
  const live = new LiveSubscriptions(config.subscriptionLimits);
  const access = await buildAccess(config, infrastructure, live, log);
  const ops = await buildOperations(config, infrastructure, access.audit);
  const { catalog } = ops;
  const alertingStart = await startAlerting(config, infrastructure, log, logger);
  const { alerting, followBoundUrl } = alertingStart;
  const analytics = createAnalytics(config, infrastructure);
  const insight = await startInsight(config, infrastructure, alerting);
  let http: HttpListener | undefined;
  const { collector, sampler, cluster } = await restoreCollector(
    config,
    infrastructure,
    alerting,
    analytics,
    insight,
    ops.operations.responses,
    () => http?.webSockets,
    log,
  );

  const dashboards = createDashboardService({ repository: store.dashboards, now: Date.now });
  await dashboards.provision();

  const reporting = createReporting(config, infrastructure, alertingStart, log);
  const services: Services = {
    config,
    store,
    catalog,
    cache,
    cacheOps: ops.cacheOps,
    events: createEventService({ store, record: analytics.business.recordEvent }),
    metrics,
    analytics,
    collector,
    cluster,
    pubsub,
    alerting,
    insight,
    apiKeys: access.apiKeys,
    audit: access.audit,
    loadTests: createLoadTestService(store),
    subscriptionResults: new SharedSubscriptionResults(),
    dashboards,
    ...reporting,
    startedAt: Date.now(),
    operations: ops.operations,
  };
  const { yoga, routing } = buildApi(config, services, access, live, log, logger);

  let stopBackgroundWork: (() => void) | undefined;
  let stopped = false;
  return {
    yoga,
    services,
    logger,
    bootstrapAdminKey: access.bootstrap.action === 'generated' ? access.bootstrap.key : null,
    async start() {
      http = createHttpListener({
        yoga,
        limits: config.http,
        maxBodyBytes: config.maxBodyBytes,
        allowedMethods: (pathname) => allowedMethods(routing, pathname),
        onAnswer: (answer) => {
          recordBridgeAnswer(metrics.registry, answer);
        },
        webSockets: {
          sessionIdFrom: (params) => sessionIdFrom(params['sessionId']),
          live,
          apiKeys: access.apiKeys,
        },
      });
      const { url, port } = await http.listen(config.port, config.host);
      followBoundUrl(url);
      stopBackgroundWork = await startBackgroundWork(config, services, live, log, ops.leaks);
      // Scripts and tests find the address in this message: keep `serving on <url> ` in it.
      logger.info(
        { event: 'start', url, environment: config.environmentName },
        `Taurine is serving on ${url}  (GraphQL: ${url}/graphql, health: ${url}/health)`,
      );
      return { url, port };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopBackgroundWork?.();
      await http?.close();
      // After the last request: flush rollups so a graceful restart loses no history.
      await collector.stop();
      await cluster.leave();
      await reporting.reportScheduler.stop();
      await alerting.stop();
      await ops.stop();
      await leader.release();
      sampler.stop();
      await cache.close();
      await redis?.close();
      await store.close();
      logger.info({ event: 'stopped' }, 'stopped');
    },
  };
}
