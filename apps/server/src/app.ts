import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore } from '@taurine/store';
import { createYoga } from 'graphql-yoga';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { AppConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { healthRoute } from './http/health-route.ts';
import { createNodeBridge } from './http/node-bridge.ts';
import type { NodeServerContext } from './http/node-bridge.ts';
import { createStaticHandler } from './http/static-files.ts';
import { attachGraphQLWebSockets } from './http/websockets.ts';
import { exportRoute, prometheusRoute } from './http/export-routes.ts';
import { createRumRoute } from './http/rum-route.ts';
import { TokenBucketLimiter } from './access/token-bucket.ts';
import { createCollectionJob } from './collect/collection-job.ts';
import { ProcessSampler } from './collect/process-sampler.ts';
import { useResponseTiming } from './plugins/use-response-timing.ts';
import { createMetricsService } from './services/metrics-service.ts';
import { createTaurinePubSub, prefixTopics } from './services/pubsub.ts';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPerformanceRoutes } from './http/performance-route.ts';
import { cacheHitRate } from './services/cache-metrics-recorder.ts';
import { createCacheOperations } from './services/cache-operations.ts';
import { createCache } from './services/cache-service.ts';
import { createRedisClients } from './services/redis-clients.ts';
import { useBodyLimit } from './plugins/use-body-limit.ts';
import { useRoutes } from './plugins/use-routes.ts';
import type { Route } from './plugins/use-routes.ts';
import { buildSchema } from './schema/index.ts';
import { createCatalogService } from './services/catalog-service.ts';
import { createEventService } from './services/event-service.ts';
import type { Services } from './services/services.ts';

export type TaurineYoga = YogaServerInstance<NodeServerContext, AppContext>;

export interface App {
  yoga: TaurineYoga;
  services: Services;
  /** Listens on `config.port` (0 picks a free port) and returns the base URL. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting work, closes sockets and flushes state. Safe to call twice. */
  stop(): Promise<void>;
}

const sessionIdFrom = (value: unknown): string | null =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : null;

/** The composition root: creates every service and adapter and wires them together. */
export async function buildApp(config: AppConfig): Promise<App> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await store.migrate();

  const metrics = createMetricsService(config);
  const { registry } = metrics;
  const redis = config.redisUrl
    ? createRedisClients(config.redisUrl, (error) => {
        console.error(`Redis: ${error.message} (serving from memory until it is back)`);
      })
    : undefined;
  const pubsub = createTaurinePubSub(
    redis
      ? prefixTopics(
          createRedisEventTarget({
            publishClient: redis.eventPublisher,
            subscribeClient: redis.eventSubscriber,
          }),
          `${config.redisPrefix}events:`,
        )
      : undefined,
  );
  // Give Redis a moment to connect so the first requests do not open the circuit breaker.
  await redis?.ready(2000);
  const cache = createCache({
    registry,
    redis,
    instanceId: config.instanceId,
    redisPrefix: `${config.redisPrefix}cache:`,
  });
  const catalog = createCatalogService(cache);
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
      activeUsers: (now) => metrics.sessions.count(now),
      webSocketConnections: () => wss?.clients.size ?? 0,
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
    startedAt: Date.now(),
  };

  const now = () => Date.now();
  const performance = createPerformanceRoutes(services);
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/api/performance',
      handler: (request, url) => performance.get(request, url),
    },
    { method: 'POST', path: '/api/performance', handler: (request) => performance.post(request) },
    { method: 'GET', path: '/health', handler: () => healthRoute(services) },
    { method: 'GET', path: '/metrics', handler: prometheusRoute(registry, now) },
    { method: 'GET', path: '/export.csv', handler: exportRoute(registry, now, 'csv') },
    { method: 'GET', path: '/export.json', handler: exportRoute(registry, now, 'json') },
    {
      method: 'POST',
      path: '/rum',
      handler: createRumRoute({
        recorder: registry,
        limiter: new TokenBucketLimiter({ limit: 120, windowMs: 60_000 }),
        clientOf: (_request, serverContext) =>
          typeof serverContext['remoteAddress'] === 'string'
            ? serverContext['remoteAddress']
            : 'unknown',
        onSession: (sessionId) => {
          metrics.sessions.touch(sessionId, Date.now());
        },
      }),
    },
  ];

  const yoga: TaurineYoga = createYoga<NodeServerContext, AppContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    // yoga's bare liveness probe; `/health` is ours and reports every dependency.
    healthCheckEndpoint: '/livez',
    // Node's own fetch classes: REST routes, the static handler and the Node bridge all speak them.
    fetchAPI: {
      Request,
      Response,
      Headers,
      ReadableStream,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
    },
    landingPage: false,
    graphiql: config.graphiql
      ? { title: 'Taurine GraphiQL', subscriptionsProtocol: 'WS', defaultQuery: DEFAULT_QUERY }
      : false,
    maskedErrors: true,
    logging: config.environment === 'test' ? false : 'info',
    // HTTP requests carry the visitor id in a header; graphql-ws passes it in `connectionParams`
    // (see `http/websockets.ts`), where there is no WHATWG request.
    context: (initial): AppContext => {
      const sessionId =
        (initial as Partial<{ sessionId: string | null }>).sessionId ??
        sessionIdFrom((initial.request as Request | undefined)?.headers.get('x-session-id'));
      if (sessionId) metrics.sessions.touch(sessionId, Date.now());
      return { services, sessionId };
    },
    plugins: [
      useResponseTiming({ recorder: registry }),
      useBodyLimit({ maxBytes: config.maxBodyBytes }),
      useRoutes({
        routes,
        fallback: config.webDistDir ? createStaticHandler(config.webDistDir) : undefined,
      }),
    ],
  });

  let server: Server | undefined;
  let closeWebSockets: (() => Promise<void>) | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  return {
    yoga,
    services,
    async start() {
      const bridge = createNodeBridge((request, context) => yoga.fetch(request, context), {
        maxBodyBytes: config.maxBodyBytes,
      });
      server = createServer((req, res) => void bridge(req, res));
      wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.maxBodyBytes });
      closeWebSockets = attachGraphQLWebSockets(wss, yoga, {
        sessionIdFrom: (params) => sessionIdFrom(params['sessionId']),
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.port, config.host, resolve);
      });
      if (config.cacheWarmOnStart) {
        await services.cacheOps.warm().catch((error: unknown) => {
          console.error('cache warm-up failed', error);
        });
      }
      // A first snapshot right away, so dashboards and subscribers never start empty.
      await collector.tick();
      collector.start();
      await collector.enforceRetention().catch((error: unknown) => {
        console.error('retention failed', error);
      });
      retentionTimer = setInterval(() => {
        collector.enforceRetention().catch((error: unknown) => {
          console.error('retention failed', error);
        });
      }, 3_600_000);
      retentionTimer.unref();
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      return { url: `http://${host}:${port}`, port };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(retentionTimer);
      await closeWebSockets?.();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) =>
          server!.close(() => {
            resolve();
          }),
        );
      }
      // After the last request: flush rollups so a graceful restart loses no history.
      await collector.stop();
      sampler.stop();
      await cache.close();
      await redis?.close();
      await store.close();
    },
  };
}

const DEFAULT_QUERY = `# Welcome to Taurine. Try:
query Flavors {
  flavors(first: 5) {
    edges { node { name brand caffeineMg } }
    totalCount
  }
}
`;
