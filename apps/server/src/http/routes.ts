import type { ApiKeyService } from '../access/api-keys.ts';
import { REJECTION_TEXT } from '../access/auth-scopes.ts';
import { apiKeyFromHeaders, clientIpOf, resolvePrincipal } from '../access/principal.ts';
import { roleAtLeast } from '../access/roles.ts';
import type { Route, RoutesOptions } from '../plugins/use-routes.ts';
import type { Services } from '../services/services.ts';
import { exportRoute, prometheusRoute } from './export-routes.ts';
import { healthRoute } from './health-route.ts';
import { createPerformanceRoutes } from './performance-route.ts';
import { createRumRoute } from './rum-route.ts';

/**
 * The REST surface beside `/graphql`, with the least role each route needs. Dashboard data
 * (`/metrics`, exports, reports) needs a viewer key unless `PUBLIC_DASHBOARD=true`; cache actions
 * need an operator key; `/health` and `/rum` are public.
 */
export function createRoutes(services: Services): Route[] {
  const { registry, sessions } = services.metrics;
  const now = () => Date.now();
  const performance = createPerformanceRoutes(services);
  return [
    { method: 'GET', path: '/health', access: 'public', handler: () => healthRoute(services) },
    {
      method: 'POST',
      path: '/rum',
      access: 'public',
      handler: createRumRoute({
        recorder: registry,
        onSession: (sessionId) => {
          sessions.touch(sessionId, Date.now());
        },
      }),
    },
    { method: 'GET', path: '/metrics', access: 'viewer', handler: prometheusRoute(registry, now) },
    {
      method: 'GET',
      path: '/export.csv',
      access: 'viewer',
      handler: exportRoute(registry, now, 'csv'),
    },
    {
      method: 'GET',
      path: '/export.json',
      access: 'viewer',
      handler: exportRoute(registry, now, 'json'),
    },
    {
      method: 'GET',
      path: '/api/performance',
      // Reports are viewer data; `optimize` and `warm` act, so they need an operator.
      access: (url) =>
        url.searchParams.get('optimize') === 'true' || url.searchParams.get('warm') === 'true'
          ? 'operator'
          : 'viewer',
      handler: (request, url) => performance.get(request, url),
    },
    {
      method: 'POST',
      path: '/api/performance',
      access: 'operator',
      handler: (request) => performance.post(request),
    },
  ];
}

const refusal = (status: 401 | 403, code: string, message: string) =>
  Response.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: { 'cache-control': 'no-store' } },
  );

/** Checks a REST caller's key against the route's least role (401 without a usable key, 403 below it). */
export function createRouteAuthorizer(options: {
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
  publicDashboard: boolean;
  trustProxy: boolean;
}): NonNullable<RoutesOptions['authorize']> {
  return async (request, serverContext, access) => {
    if (access === 'public') return null;
    const remoteAddress =
      typeof serverContext['remoteAddress'] === 'string'
        ? serverContext['remoteAddress']
        : undefined;
    const ip = clientIpOf(request.headers, remoteAddress, { trustProxy: options.trustProxy });
    const principal = await resolvePrincipal(
      options.apiKeys,
      apiKeyFromHeaders(request.headers),
      ip,
    );
    if (principal.kind === 'anonymous') {
      if (access === 'viewer' && options.publicDashboard && principal.rejectedKey !== 'conflicting')
        return null;
      const why = principal.rejectedKey ? ` (${REJECTION_TEXT[principal.rejectedKey]})` : '';
      return refusal(
        401,
        'UNAUTHENTICATED',
        `This route needs a ${access} API key in the x-api-key header${why}`,
      );
    }
    if (!roleAtLeast(principal.role, access)) {
      return refusal(
        403,
        'FORBIDDEN',
        `This route needs an ${access} key; "${principal.name}" is a ${principal.role} key`,
      );
    }
    return null;
  };
}
