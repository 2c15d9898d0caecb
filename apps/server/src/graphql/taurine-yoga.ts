import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { YogaServerInstance, YogaServerOptions } from 'graphql-yoga';
import { DEFAULT_RATE_LIMIT_POLICIES } from '../access/rate-limit-policies.ts';
import type { RateLimitPolicies } from '../access/rate-limit-policies.ts';
import type { RateLimiter } from '../access/rate-limiter.ts';
import { apiKeyFromHeaders, clientIpOf } from '../access/principal.ts';
import { useAccessControl, useAnonymousAccess } from '../access/use-access-control.ts';
import { useAuditLog } from '../access/use-audit-log.ts';
import { useRequestParserGuard } from './use-request-parser-guard.ts';
import type { AppConfig, SwitchablePlugin } from '../config.ts';
import type { AppContext } from '../context.ts';
import { GRAPHIQL_OPTIONS, renderGraphiQLPage } from '../graphiql/graphiql-page.ts';
import { createDocumentCaches } from './document-cache.ts';
import type { NodeServerContext } from '../http/node-bridge.ts';
import { loadPersistedDocuments } from './persisted-documents.ts';
import { useBodyLimit } from './use-body-limit.ts';
import { useNestingLimit } from './use-nesting-limit.ts';
import { useNoIntrospection } from './use-no-introspection.ts';
import { useRefusalLog } from '../logging/use-refusal-log.ts';
import { useResponseTiming } from '../metrics/use-response-timing.ts';
import { useFieldTiming } from '../operations/use-field-timing.ts';
import { useLoadShedding } from '../operations/use-load-shedding.ts';
import { rateLimitedPaths, useRoutes } from '../http/use-routes.ts';
import type { RoutesOptions } from '../http/use-routes.ts';
import { buildSchema } from '../schema/index.ts';
import type { Services } from '../services.ts';
import type { LiveSubscriptions } from '../subscriptions/live-subscriptions.ts';
import { useSharedSubscriptionResults } from '../subscriptions/shared-results.ts';
import { useSubscriptionLimits } from '../subscriptions/use-subscription-limits.ts';

export type TaurineYoga = YogaServerInstance<NodeServerContext, AppContext>;

/** A visitor id as the SPA makes it (header on HTTP, `connectionParams` on graphql-ws), or null. */
export const sessionIdFrom = (value: unknown): string | null =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : null;

/** The caller's address in yoga's initial context: HTTP (node bridge) or graphql-ws (upgrade). */
const clientAddressOf = (initial: unknown, trustProxy: boolean): string => {
  const { request, remoteAddress, req } = initial as {
    request?: Request;
    remoteAddress?: unknown;
    req?: { socket?: { remoteAddress?: string } };
  };
  if (request === undefined) return req?.socket?.remoteAddress ?? 'unknown';
  const address = typeof remoteAddress === 'string' ? remoteAddress : undefined;
  return clientIpOf(request.headers, address, { trustProxy });
};

export interface TaurineYogaOptions {
  config: AppConfig;
  services: Services;
  /** REST routes, their authorizer and the SPA fallback, served from inside yoga. */
  routing: RoutesOptions;
  limiter: RateLimiter;
  live: LiveSubscriptions;
  graphiqlEnabled: boolean;
  log: (message: string, error?: unknown) => void;
  /** Logs refused requests, and yoga's own messages. */
  logger: Logger;
}

/**
 * Every plugin in its order. Order matters: timing sees everything (429s too); limits and keys
 * come before routes, which end REST requests; armor rejects hostile documents before they execute.
 */
function taurinePlugins(
  options: TaurineYogaOptions,
  persistedDocuments: ReturnType<typeof loadPersistedDocuments>,
): YogaServerOptions<NodeServerContext, AppContext>['plugins'] {
  const { config, services, routing, limiter, live, log } = options;
  const off = config.benchmark.disabledPlugins;
  const only = <T>(group: SwitchablePlugin, plugins: T[]): T[] => (off.has(group) ? [] : plugins);
  const benchLimit = config.benchmark.rateLimitPerMinute;
  const sampleRate = config.operations.fieldTimingSamplePercent / 100;
  const policies: RateLimitPolicies = {
    ...DEFAULT_RATE_LIMIT_POLICIES,
    anonymous: { limit: config.anonymousRateLimit, windowMs: 60_000 },
  };
  return [
    ...only('timing', [useResponseTiming({ recorder: services.metrics.registry })]),
    ...only('timing', [useFieldTiming({ recorder: services.metrics.registry, sampleRate })]),
    useRefusalLog({ logger: options.logger, trustProxy: config.trustProxy }),
    ...only('armor', [useRequestParserGuard()]),
    // Before access control, so a subscription it refuses frees its place at once.
    useSubscriptionLimits({ live, apiKeys: services.apiKeys }),
    ...only('armor', [useNestingLimit()]),
    useBodyLimit({ maxBytes: config.maxBodyBytes }),
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
    ...only('access', [
      useAccessControl({
        apiKeys: services.apiKeys,
        limiter,
        // Every route draws from the caller's one bucket (a key's, or its address' without one).
        paths: ['/graphql', ...rateLimitedPaths(routing.routes)],
        trustProxy: config.trustProxy,
        policies:
          benchLimit === undefined
            ? policies
            : Object.fromEntries(
                Object.entries(policies).map(([name]) => [
                  name,
                  { limit: benchLimit, windowMs: 60_000 },
                ]),
              ),
        onError: (error) => {
          log('access control failed', error);
        },
      }),
    ]),
    // Switched off for a benchmark: every caller is anonymous, still with a principal.
    ...(off.has('access') ? [useAnonymousAccess({ trustProxy: config.trustProxy })] : []),
    ...only('audit', [useAuditLog({ recorder: services.audit })]),
    useLoadShedding({ shedder: services.operations.shedder }),
    ...only('armor', [
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        maxAliases: { n: 15 },
        maxTokens: { n: 4000 },
        costLimit: { maxCost: 10_000 },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: !config.introspection },
      }),
    ]),
    ...(config.introspection ? [] : [useNoIntrospection()]),
    ...only('persisted', [
      usePersistedOperations({
        getPersistedOperation: (hash) => persistedDocuments.get(hash) ?? null,
        allowArbitraryOperations: (request) =>
          !config.persistedOperationsOnly || apiKeyFromHeaders(request.headers) !== null,
        // Neither a query nor a document id is a malformed request: 400 as without the plugin
        // (which would answer 200 with PERSISTED_QUERY_ID_REQUIRED).
        customErrors: {
          keyNotFound: {
            message: 'Must provide query string or a persisted document id.',
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          },
        },
      }),
    ]),
    // Each subscription event is executed once per document, variables and role.
    useSharedSubscriptionResults(services.subscriptionResults),
    useRoutes(routing),
  ];
}

/**
 * The GraphQL server with every plugin in its order: timing, parser guard, subscription limits,
 * nesting and body limits, CSRF, access control and rate limits, audit, armor, persisted
 * documents, then the REST routes and the SPA.
 */
export function createTaurineYoga(options: TaurineYogaOptions): TaurineYoga {
  const { config, services, graphiqlEnabled } = options;
  const persistedDocuments = loadPersistedDocuments(config.persistedDocumentsPath);
  return createYoga<NodeServerContext, AppContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    // yoga's bare liveness probe; `/health` is ours and reports every dependency.
    healthCheckEndpoint: '/livez',
    // The Node bridge caps every body (MAX_BODY_BYTES) while it streams in and hands yoga a buffer:
    // yoga's own 25 MB limit would pipe each body through a TransformStream again (~10 % of a warm
    // query's time in a profile). `useBodyLimit` still refuses a declared length over the limit.
    maxRequestBodySize: false,
    landingPage: false,
    graphiql: graphiqlEnabled ? GRAPHIQL_OPTIONS : false,
    // yoga's own page loads GraphiQL from a CDN; this one is served by us (works offline).
    renderGraphiQL: renderGraphiQLPage,
    maskedErrors: true,
    // yoga's own parse cache is bounded by count only; this one by the size of the documents too.
    parserAndValidationCache: createDocumentCaches(),
    batching: { limit: 10 },
    cors:
      config.corsOrigins.length > 0
        ? {
            origin: config.corsOrigins,
            credentials: false,
            allowedHeaders: ['content-type', 'x-api-key', 'x-graphql-yoga-csrf', 'x-session-id'],
          }
        : false,
    logging: options.logger.child({ component: 'graphql' }),
    // HTTP requests carry the visitor id in a header; graphql-ws passes it in `connectionParams`
    // (see `http/websockets.ts`), where there is no WHATWG request.
    context: (initial): AppContext => {
      const sessionId =
        (initial as Partial<{ sessionId: string | null }>).sessionId ??
        sessionIdFrom((initial.request as Request | undefined)?.headers.get('x-session-id'));
      // Counted per address, so forged ids from one client cannot inflate active users.
      if (sessionId)
        services.metrics.sessions.touch(
          sessionId,
          Date.now(),
          clientAddressOf(initial, config.trustProxy),
        );
      return { services, sessionId };
    },
    plugins: taurinePlugins(options, persistedDocuments),
  });
}
