import type { Plugin } from 'graphql-yoga';

/** A REST handler served beside `/graphql`, through the same plugin chain (timing, limits…). */
export type RouteHandler = (
  request: Request,
  url: URL,
  /** What the HTTP adapter passed along (e.g. `remoteAddress` from the Node bridge). */
  serverContext: Record<string, unknown>,
) => Response | Promise<Response>;

export type RouteAccess = 'public' | 'viewer' | 'operator' | 'admin';

export interface Route {
  method: 'GET' | 'POST' | 'HEAD';
  /**
   * Least role that may call the route (`public` for anyone), or a function of the URL when a
   * query parameter turns a read into an action.
   */
  access: RouteAccess | ((url: URL) => RouteAccess);
  /** Exact path (`/health`) or a prefix ending in `*` (`/assets/*`). */
  path: string;
  handler: RouteHandler;
  /**
   * Leave the route out of rate limiting, for probes a load balancer sends many times a minute
   * (`/health`). @default false
   */
  unlimited?: boolean;
}

/** The paths to rate limit: every route's path unless the route says it is unlimited. */
export const rateLimitedPaths = (routes: readonly Route[]): string[] => [
  ...new Set(routes.filter((route) => route.unlimited !== true).map((route) => route.path)),
];

export interface RoutesOptions {
  routes: Route[];
  /**
   * Checks a caller against a route's `access` before its handler runs; returns the refusal
   * (401/403) or null to go on.
   */
  authorize?: (
    request: Request,
    serverContext: Record<string, unknown>,
    access: RouteAccess,
  ) => Promise<Response | null>;
  /** Handles GET requests no route claimed (the SPA's client-side routes). */
  fallback?: RouteHandler;
  /** Paths left to yoga itself. @default ['/graphql'] */
  graphqlPaths?: string[];
  /**
   * Prefixes of API paths: an unknown one gets a JSON 404, never the SPA's page (a client
   * calling a wrong URL must see that it is wrong). @default ['/api/']
   */
  apiPrefixes?: string[];
}

const matches = (route: Route, method: string, path: string): boolean =>
  (route.method === method || (route.method === 'GET' && method === 'HEAD')) &&
  (route.path.endsWith('*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path);

/**
 * Serves REST routes and the SPA from inside yoga, so `yoga.fetch` reaches every endpoint and every
 * plugin (timing, rate limits, body limits) sees every request.
 */
export function useRoutes(options: RoutesOptions): Plugin {
  const graphqlPaths = options.graphqlPaths ?? ['/graphql'];
  const apiPrefixes = options.apiPrefixes ?? ['/api/'];
  const isApiPath = (path: string): boolean =>
    apiPrefixes.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix);
  return {
    async onRequest(payload) {
      const { request, url } = payload;
      const serverContext = payload.serverContext as Record<string, unknown>;
      if (graphqlPaths.includes(url.pathname)) return;
      const route = options.routes.find((r) => matches(r, request.method, url.pathname));
      if (route) {
        const access = typeof route.access === 'function' ? route.access(url) : route.access;
        const refusal =
          access === 'public' || !options.authorize
            ? null
            : await options.authorize(request, serverContext, access);
        payload.endResponse(refusal ?? (await route.handler(request, url, serverContext)));
        return;
      }
      const knownPath = options.routes.some((r) => matches(r, r.method, url.pathname));
      if (knownPath) {
        // RFC 9110 §15.5.6: a 405 names the methods the resource supports.
        const allow = allowedMethods(options, url.pathname).join(', ');
        payload.endResponse(
          new Response('Method Not Allowed', { status: 405, headers: { allow } }),
        );
        return;
      }
      const isRead = request.method === 'GET' || request.method === 'HEAD';
      if (isRead && options.fallback && !isApiPath(url.pathname)) {
        payload.endResponse(await options.fallback(request, url, serverContext));
        return;
      }
      payload.endResponse(
        Response.json({ error: `No route for ${request.method} ${url.pathname}` }, { status: 404 }),
      );
    },
  };
}

/**
 * The methods the resource at `pathname` supports (the `Allow` header of a 405): the GraphQL
 * endpoint's GET and POST, a route's own methods (GET implies HEAD), GET and HEAD where the SPA
 * answers, none elsewhere.
 */
export function allowedMethods(
  options: Pick<RoutesOptions, 'routes' | 'fallback' | 'graphqlPaths'>,
  pathname: string,
): string[] {
  if ((options.graphqlPaths ?? ['/graphql']).includes(pathname)) return ['GET', 'POST'];
  const methods = options.routes
    .filter((route) => matches(route, route.method, pathname))
    .flatMap((route) => (route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]));
  if (methods.length > 0) return [...new Set(methods)];
  return options.fallback ? ['GET', 'HEAD'] : [];
}
