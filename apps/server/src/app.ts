import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '@taurine/monitor';
import { openStore } from '@taurine/store';
import { WebSocketServer } from 'ws';
import { createApiKeyService } from './access/api-keys.ts';
import { createAuditRecorder } from './access/audit.ts';
import { createMemoryRateLimiter, createRedisRateLimiter } from './access/rate-limiter.ts';
import { createAlertingService } from './alerting/alerting-service.ts';
import { createCollectionJob } from './snapshot/collection-job.ts';
import { ProcessSampler } from './metrics/process-sampler.ts';
import type { AppConfig } from './config.ts';
import { graphiqlAssetRoute } from './graphiql/graphiql-page.ts';
import { createNodeBridge, refuseConnect } from './http/node-bridge.ts';
import { createHttpServer, createServerCloser } from './http/http-server.ts';
import { createRouteAuthorizer, createRoutes } from './http/routes.ts';
import { createStaticHandler } from './http/static-files.ts';
import { attachGraphQLWebSockets } from './http/websockets.ts';
import { recordBridgeAnswer } from './metrics/use-response-timing.ts';
import { allowedMethods } from './http/use-routes.ts';
import { cacheHitRate } from './cache/cache-metrics-recorder.ts';
import { createCacheOperations } from './cache/cache-operations.ts';
import { createCache } from './cache/cache-service.ts';
import { createCatalogService } from './catalog/catalog-service.ts';
import { createEventService } from './catalog/event-service.ts';
import { createLeaderLock } from './infra/leader-lock.ts';
import { createMetricsService } from './metrics/metrics-service.ts';
import { createInstanceEventTarget, createTaurinePubSub } from './infra/pubsub.ts';
import { createRedisClients } from './infra/redis-clients.ts';
import type { Services } from './services.ts';
import { LiveSubscriptions } from './subscriptions/live-subscriptions.ts';
import { createTaurineYoga, sessionIdFrom } from './graphql/taurine-yoga.ts';
import type { TaurineYoga } from './graphql/taurine-yoga.ts';

export interface App {
  yoga: TaurineYoga;
  services: Services;
  /** The admin key generated at this first start (print it once), or null. */
  bootstrapAdminKey: string | null;
  /** Listens on `config.port` (0 picks a free port) and returns the base URL. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting work, closes sockets and flushes state. Safe to call twice. */
  stop(): Promise<void>;
}

/** How often keys of open subscriptions are re-checked (the key cache's default TTL). */
const KEY_RECHECK_INTERVAL_MS = 500;

/** The composition root: creates every service and adapter and wires them together. */
export async function buildApp(config: AppConfig): Promise<App> {
  const log = (message: string, error?: unknown) => {
    if (config.environment !== 'test')
      console.error(message, error instanceof Error ? error.message : (error ?? ''));
  };
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await store.migrate();

  const metrics = createMetricsService(config);
  const { registry } = metrics;
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
    registry,
    redis,
    instanceId: config.instanceId,
    redisPrefix: `${config.redisPrefix}cache:`,
    redisTimeoutMs: config.redisTimeoutMs,
  });
  const catalog = createCatalogService(cache);

  const live = new LiveSubscriptions(config.subscriptionLimits);
  const keyService = createApiKeyService({ keys: store.apiKeys });
  // A revoked key's open subscriptions end at once here; other instances see the revocation
  // through their key cache (`recheckKeys` below).
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

  // Without PUBLIC_URL, notification links follow the address bound in start() (PORT=0 too).
  let publicUrl = config.alertChannels.dashboardUrl;
  const alerting = createAlertingService({
    store,
    registry,
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
    onReclaimed: (count) => {
      log(`alerting: took back ${count} outbox item(s) leased before the last shutdown`);
    },
    onError: (error) => {
      log('alerting:', error);
    },
  });
  await alerting.start();
  // With several instances, one evaluates rules (each evaluator keeps its own state); every
  // instance may deliver from the shared outbox, whose leases keep deliveries single.
  const leader = createLeaderLock({
    redis: redis?.commands,
    key: `${config.redisPrefix}alerting:leader`,
    instanceId: config.instanceId,
    ttlMs: Math.max(3 * config.collectIntervalMs, 10_000),
  });

  const sampler = new ProcessSampler();
  let wss: WebSocketServer | undefined;
  const collector = createCollectionJob({
    registry,
    store,
    sampler,
    instanceId: config.instanceId,
    intervalMs: config.collectIntervalMs,
    publish: (snapshot) => {
      pubsub.publish('snapshot', snapshot);
    },
    sources: {
      dependencies: async () => ({
        database: (await store.ping()) ? 'up' : 'down',
        memoryCache: cache.status().memory,
        redis: cache.status().redis,
        websocket: wss ? 'up' : 'disabled',
      }),
      cacheHitRate: () => Promise.resolve(cacheHitRate(registry)),
      cacheTiers: () => cache.status(),
      activeUsers: (now) => metrics.sessions.count(now),
      webSocketConnections: () => wss?.clients.size ?? 0,
      evaluateAlerts: async (now) => {
        if (await leader.acquire()) await alerting.evaluate(now);
      },
      activeAlerts: () => alerting.activeAlerts(),
    },
  });
  await collector.restore();

  const services: Services = {
    config,
    store,
    catalog,
    cache,
    cacheOps: createCacheOperations(cache, catalog),
    events: createEventService({ store, registry }),
    metrics,
    collector,
    pubsub,
    alerting,
    apiKeys,
    audit,
    startedAt: Date.now(),
  };

  const graphiqlEnabled = config.graphiql && config.introspection;
  const routes = [
    ...createRoutes(services, { trustProxy: config.trustProxy }),
    ...(graphiqlEnabled ? [graphiqlAssetRoute] : []),
  ];
  const authorize = createRouteAuthorizer({
    apiKeys,
    publicDashboard: config.publicDashboard,
    trustProxy: config.trustProxy,
    audit,
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
  const routing = {
    routes,
    authorize,
    fallback: config.webDistDir ? createStaticHandler(config.webDistDir) : undefined,
  };
  const yoga: TaurineYoga = createTaurineYoga({
    config,
    services,
    routing,
    limiter,
    live,
    graphiqlEnabled,
    log,
  });

  let server: Server | undefined;
  let closeWebSockets: (() => Promise<void>) | undefined;
  let closeSockets: (() => Promise<void>) | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;
  let keyRecheckTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  return {
    yoga,
    services,
    bootstrapAdminKey: bootstrap.action === 'generated' ? bootstrap.key : null,
    async start() {
      const onAnswer = (answer: Parameters<typeof recordBridgeAnswer>[1]) => {
        recordBridgeAnswer(registry, answer);
      };
      const bridge = createNodeBridge((request, context) => yoga.fetch(request, context), {
        maxBodyBytes: config.maxBodyBytes,
        allowedMethods: (pathname) => allowedMethods(routing, pathname),
        onAnswer,
      });
      server = createHttpServer((req, res) => void bridge(req, res), config.http);
      closeSockets = createServerCloser(server);
      server.on('connect', refuseConnect({ onAnswer }));
      wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.maxBodyBytes });
      closeWebSockets = attachGraphQLWebSockets(wss, yoga, {
        sessionIdFrom: (params) => sessionIdFrom(params['sessionId']),
        live,
        apiKeys,
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.port, config.host, resolve);
      });
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      const url = `http://${host}:${port}`;
      if (!config.publicUrlConfigured) publicUrl = url;
      if (config.cacheWarmOnStart) {
        await services.cacheOps.warm().catch((error: unknown) => {
          log('cache warm-up failed', error);
        });
      }
      // A first snapshot right away, so dashboards and subscribers never start empty.
      await collector.tick();
      collector.start();
      await collector.enforceRetention().catch((error: unknown) => {
        log('retention failed', error);
      });
      retentionTimer = setInterval(() => {
        collector.enforceRetention().catch((error: unknown) => {
          log('retention failed', error);
        });
      }, 3_600_000);
      retentionTimer.unref();
      // As often as the key cache expires: a revocation elsewhere ends subscriptions here as
      // soon as this instance would refuse the key's next request.
      keyRecheckTimer = setInterval(() => {
        void live.recheckKeys();
      }, KEY_RECHECK_INTERVAL_MS);
      keyRecheckTimer.unref();
      return { url, port };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(retentionTimer);
      clearInterval(keyRecheckTimer);
      await closeWebSockets?.();
      await closeSockets?.();
      // After the last request: flush rollups so a graceful restart loses no history.
      await collector.stop();
      await alerting.stop();
      await leader.release();
      sampler.stop();
      await cache.close();
      await redis?.close();
      await store.close();
    },
  };
}
