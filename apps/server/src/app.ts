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

  const services: Services = {
    config,
    store,
    catalog: createCatalogService(),
    events: createEventService({ store }),
    startedAt: Date.now(),
  };

  const routes: Route[] = [
    { method: 'GET', path: '/health', handler: () => healthRoute(services) },
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
    context: (initial): AppContext => ({
      services,
      sessionId:
        (initial as Partial<{ sessionId: string | null }>).sessionId ??
        sessionIdFrom((initial.request as Request | undefined)?.headers.get('x-session-id')),
    }),
    plugins: [
      useBodyLimit({ maxBytes: config.maxBodyBytes }),
      useRoutes({
        routes,
        fallback: config.webDistDir ? createStaticHandler(config.webDistDir) : undefined,
      }),
    ],
  });

  let server: Server | undefined;
  let closeWebSockets: (() => Promise<void>) | undefined;
  let stopped = false;

  return {
    yoga,
    services,
    async start() {
      const bridge = createNodeBridge((request, context) => yoga.fetch(request, context), {
        maxBodyBytes: config.maxBodyBytes,
      });
      server = createServer((req, res) => void bridge(req, res));
      const wss = new WebSocketServer({
        server,
        path: '/graphql',
        maxPayload: config.maxBodyBytes,
      });
      closeWebSockets = attachGraphQLWebSockets(wss, yoga, {
        sessionIdFrom: (params) => sessionIdFrom(params['sessionId']),
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.port, config.host, resolve);
      });
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      return { url: `http://${host}:${port}`, port };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeWebSockets?.();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) =>
          server!.close(() => {
            resolve();
          }),
        );
      }
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
