import type { ApiKeyService } from '../access/api-keys.ts';
import { actorOf } from '../access/audit.ts';
import type { AuditActor, AuditRecorder } from '../access/audit.ts';
import { REJECTION_TEXT } from '../access/auth-scopes.ts';
import { apiKeyFromHeaders, clientIpOf, resolvePrincipal } from '../access/principal.ts';
import type { Principal } from '../access/principal.ts';
import { roleAtLeast } from '../access/roles.ts';
import type { Route, RouteAccess, RoutesOptions } from './use-routes.ts';
import type { Services } from '../services.ts';
import { exportRoute, prometheusRoute } from '../metrics/export-routes.ts';
import { healthRoute } from '../infra/health-route.ts';
import { createPerformanceRoutes } from '../metrics/performance-route.ts';
import { reportDownloadRoute } from '../reports/report-routes.ts';
import { createRumRoute } from '../rum/rum-route.ts';
import { createAnalyticsRoute } from '../analytics/analytics-route.ts';
import { diagnosticsDownloadRoute } from '../diagnostics/diagnostics-route.ts';
import { DIAGNOSTICS_ROUTE_PREFIX } from '../diagnostics/diagnostics-service.ts';

/**
 * The REST surface beside `/graphql`, with the least role each route needs. Dashboard data
 * (`/metrics`, exports, reports) needs a viewer key unless `PUBLIC_DASHBOARD=true`; cache actions
 * need an operator key; `/health`, `/rum` and `/analytics` are public.
 */
export function createRoutes(services: Services, options: { trustProxy?: boolean } = {}): Route[] {
  const { registry, sessions } = services.metrics;
  const now = () => Date.now();
  const view = (scope: Parameters<Services['cluster']['view']>[0]) => services.cluster.view(scope);
  const performance = createPerformanceRoutes(services);
  // The authorizer has already checked the key; keys are cached, so asking again is cheap.
  const actor = async (
    request: Request,
    serverContext: Record<string, unknown>,
  ): Promise<AuditActor> =>
    actorOf(
      await principalOf(services.apiKeys, request, serverContext, services.config.trustProxy),
    );
  return [
    {
      method: 'GET',
      path: '/health',
      access: 'public',
      // Load balancers probe it every few seconds from one address: never refuse them.
      unlimited: true,
      handler: () => healthRoute(services),
    },
    {
      method: 'POST',
      path: '/rum',
      access: 'public',
      handler: createRumRoute({
        recorder: registry,
        onSession: (sessionId, request, serverContext) => {
          const address = serverContext['remoteAddress'];
          const client = clientIpOf(
            request.headers,
            typeof address === 'string' ? address : undefined,
            options,
          );
          sessions.touch(sessionId, Date.now(), client);
        },
      }),
    },
    {
      method: 'POST',
      path: '/analytics',
      access: 'public',
      handler: createAnalyticsRoute({ analytics: services.analytics.visitors }),
    },
    { method: 'GET', path: '/metrics', access: 'viewer', handler: prometheusRoute(view, now) },
    {
      method: 'GET',
      path: `${DIAGNOSTICS_ROUTE_PREFIX}*`,
      access: 'admin',
      handler: diagnosticsDownloadRoute(services.operations.diagnostics, services.audit, actor),
    },
    {
      method: 'GET',
      path: '/export.csv',
      access: 'viewer',
      handler: exportRoute(view, now, 'csv'),
    },
    {
      method: 'GET',
      path: '/export.json',
      access: 'viewer',
      handler: exportRoute(view, now, 'json'),
    },
    {
      method: 'GET',
      path: '/api/performance',
      // Reports are viewer data; `optimize` and `warm` act, so they need an operator.
      access: (url) =>
        url.searchParams.get('optimize') === 'true' || url.searchParams.get('warm') === 'true'
          ? 'operator'
          : 'viewer',
      handler: async (request, url, serverContext) =>
        performance.get(request, url, await actor(request, serverContext)),
    },
    reportDownloadRoute(services.reports),
    {
      method: 'POST',
      path: '/api/performance',
      access: 'operator',
      handler: async (request, _url, serverContext) =>
        performance.post(request, await actor(request, serverContext)),
    },
  ];
}

const refusal = (status: 401 | 403, code: string, message: string) =>
  Response.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: { 'cache-control': 'no-store' } },
  );

/** Who sent a REST request: its key's holder, or an anonymous client at its address. */
async function principalOf(
  apiKeys: Pick<ApiKeyService, 'authenticate'>,
  request: Request,
  serverContext: Record<string, unknown>,
  trustProxy: boolean,
): Promise<Principal> {
  const remoteAddress =
    typeof serverContext['remoteAddress'] === 'string' ? serverContext['remoteAddress'] : undefined;
  const ip = clientIpOf(request.headers, remoteAddress, { trustProxy });
  return resolvePrincipal(apiKeys, apiKeyFromHeaders(request.headers), ip);
}

/**
 * Checks a REST caller's key against the route's least role (401 without a usable key, 403 below
 * it). A refused action (a route needing an operator or admin) is audited, as refused mutations
 * are: `rest:<METHOD> <path>` with the query parameters and `UNAUTHENTICATED` or `FORBIDDEN`.
 */
export function createRouteAuthorizer(options: {
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
  publicDashboard: boolean;
  trustProxy: boolean;
  audit?: AuditRecorder;
}): NonNullable<RoutesOptions['authorize']> {
  const refuse = async (
    request: Request,
    principal: Principal,
    access: RouteAccess,
    status: 401 | 403,
    code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ): Promise<Response> => {
    if (access === 'operator' || access === 'admin') {
      const url = new URL(request.url);
      await options.audit?.record({
        actor: actorOf(principal),
        action: `rest:${request.method} ${url.pathname}`,
        args: Object.fromEntries(url.searchParams),
        result: code,
        details: { message },
      });
    }
    return refusal(status, code, message);
  };
  return async (request, serverContext, access) => {
    if (access === 'public') return null;
    const principal = await principalOf(
      options.apiKeys,
      request,
      serverContext,
      options.trustProxy,
    );
    if (principal.kind === 'anonymous') {
      if (access === 'viewer' && options.publicDashboard && principal.rejectedKey !== 'conflicting')
        return null;
      const why = principal.rejectedKey ? ` (${REJECTION_TEXT[principal.rejectedKey]})` : '';
      return refuse(
        request,
        principal,
        access,
        401,
        'UNAUTHENTICATED',
        `This route needs a ${access} API key in the x-api-key header${why}`,
      );
    }
    if (!roleAtLeast(principal.role, access)) {
      return refuse(
        request,
        principal,
        access,
        403,
        'FORBIDDEN',
        `This route needs an ${access} key; "${principal.name}" is a ${principal.role} key`,
      );
    }
    return null;
  };
}
