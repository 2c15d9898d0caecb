import type { DestinationStream } from 'pino';
import type { WebSocketServer } from 'ws';
import { createDashboardService } from './dashboards/dashboard-service.ts';
import type { AlertingService } from './alerting/alerting-service.ts';
import { cacheHitRate } from './cache/cache-metrics-recorder.ts';
import { createCacheOperations } from './cache/cache-operations.ts';
import { createCatalogService } from './catalog/catalog-service.ts';
import { createEventService } from './catalog/event-service.ts';
import { buildAccess } from './access/build-access.ts';
import type { Access } from './access/build-access.ts';
import { createAnalytics } from './analytics/analytics.ts';
import type { Analytics } from './analytics/analytics.ts';
import { startAlerting } from './alerting/start-alerting.ts';
import { startBackgroundWork } from './background-work.ts';
import { openInfrastructure } from './infra/infrastructure.ts';
import type { Infrastructure } from './infra/infrastructure.ts';
import { startInsight } from './insight/start-insight.ts';
import type { AppConfig } from './config.ts';
import { graphiqlAssetRoute } from './graphiql/graphiql-page.ts';
import { createTaurineYoga, sessionIdFrom } from './graphql/taurine-yoga.ts';
import type { TaurineYoga, TaurineYogaOptions } from './graphql/taurine-yoga.ts';
import { createHttpListener } from './http/http-listener.ts';
import type { InsightService } from './insight/insight-service.ts';
import type { HttpListener } from './http/http-listener.ts';
import { createRouteAuthorizer, createRoutes } from './http/routes.ts';
import { createStaticHandler } from './http/static-files.ts';
import { allowedMethods } from './http/use-routes.ts';
import { createLoadTestService } from './load-tests/load-test-service.ts';
import type { AutomaticResponses } from './operations/automatic-responses.ts';
import { createCacheKeyWatch, ttlOfKey } from './operations/cache-key-watch.ts';
import { createOperations } from './operations/operations-facade.ts';
import { configSummary, createLogger } from './logging/logger.ts';
import type { Logger } from './logging/logger.ts';
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

/** The catalogue read through the cache (the key watch listening) and the operations side. */
async function buildOperations(
  config: AppConfig,
  { store, metrics, pubsub, cache }: Infrastructure,
  audit: Access['audit'],
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
  analytics: Analytics,
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
 * Every feature's service over the opened infrastructure and access, with the collection tick
 * restored: what resolvers and routes receive as `Services`, and what `stop()` needs.
 */
async function buildServices(
  config: AppConfig,
  infrastructure: Infrastructure,
  access: Access,
  webSockets: () => WebSocketServer | undefined,
  log: Log,
  logger: Logger,
) {
  const { store, metrics, pubsub, cache } = infrastructure;
  const ops = await buildOperations(config, infrastructure, access.audit);
  const { catalog } = ops;
  const alertingStart = await startAlerting(config, infrastructure, log, logger);
  const { alerting, followBoundUrl } = alertingStart;
  const analytics = createAnalytics(config, infrastructure);
  const insight = await startInsight(config, infrastructure, alerting);
  const { collector, sampler, cluster } = await restoreCollector(
    config,
    infrastructure,
    alerting,
    analytics,
    insight,
    ops.operations.responses,
    webSockets,
    log,
  );

  const dashboards = createDashboardService({ repository: store.dashboards, now: Date.now });
  await dashboards.provision();

  const reporting = createReporting(config, infrastructure, alertingStart, log, {
    regressions: (since) => insight.regressions(since),
    suggestions: () => ops.operations.suggestions.list(),
  });
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
  return { services, ops, followBoundUrl, collector, sampler, cluster, reporting };
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
  const { store, metrics, redis, cache, leader } = infrastructure;
  const live = new LiveSubscriptions(config.subscriptionLimits);
  const access = await buildAccess(config, infrastructure, live, log);
  let http: HttpListener | undefined;
  const built = await buildServices(
    config,
    infrastructure,
    access,
    () => http?.webSockets,
    log,
    logger,
  );
  const { services, ops, followBoundUrl, collector, sampler, cluster, reporting } = built;
  const { alerting } = services;
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
