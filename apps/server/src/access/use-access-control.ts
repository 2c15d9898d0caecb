import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { ApiKeyService } from './api-keys.ts';
import { REJECTION_TEXT } from './auth-scopes.ts';
import { apiKeyFromConnectionParams, apiKeyFromHeaders, clientIpOf } from './principal.ts';
import type { Principal } from './principal.ts';
import { createAnonymousPrincipals, createPrincipalResolver } from './principal-cache.ts';
import type { PrincipalResolver } from './principal-cache.ts';
import { DEFAULT_RATE_LIMIT_POLICIES } from './rate-limit-policies.ts';
import type { RateLimitPolicies } from './rate-limit-policies.ts';
import {
  rateLimitHeaders,
  rateLimitTarget,
  rateLimitedError,
  rateLimitedResponse,
} from './rate-limiter.ts';
import type { RateLimitTarget, RateLimiter } from './rate-limiter.ts';
import type { RateLimitDecision } from './token-bucket.ts';

/** What the plugin adds to every GraphQL context. */
export interface AccessContext {
  /** Who is calling: a key's holder or an anonymous client. */
  principal: Principal;
}

/** Options of {@link useAccessControl}. */
export interface AccessControlOptions {
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
  limiter: RateLimiter;
  /** Rate-limit policies by name (see `rateLimitTarget`). @default DEFAULT_RATE_LIMIT_POLICIES */
  policies?: RateLimitPolicies;
  /**
   * Paths whose HTTP requests are authenticated and rate limited: exact, or a prefix ending in
   * `*`. Health probes, static files and CORS preflights stay out. @default ['/graphql', '/rum']
   */
  paths?: readonly string[];
  /** Take the client address from `X-Forwarded-For` (only behind a proxy). @default false */
  trustProxy?: boolean;
  /** Told when the plugin itself fails (the request then goes on as anonymous, unlimited). */
  onError?: (error: unknown) => void;
}

/** HTTP 401 for a request whose `x-api-key` and `Authorization: Bearer` name different keys. */
function conflictingKeysResponse(): Response {
  return Response.json(
    {
      errors: [
        {
          message: `Unauthorized: ${REJECTION_TEXT.conflicting}`,
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    },
    { status: 401 },
  );
}

/** The parts of the initial context read here: HTTP has `request`, graphql-ws the others. */
interface InitialContext {
  request?: Request;
  remoteAddress?: unknown;
  connectionParams?: unknown;
  req?: IncomingMessage;
}

/** Whether `pathname` is one of `paths`: exact, or a prefix ending in `*`. */
function isCovered(paths: readonly string[], pathname: string): boolean {
  return paths.some((path) =>
    path.endsWith('*') ? pathname.startsWith(path.slice(0, -1)) : path === pathname,
  );
}

/** The caller of an HTTP request: its key headers, from its (or its proxy's) address. */
function resolveHttpPrincipal(
  resolve: PrincipalResolver,
  request: Request,
  remoteAddress: unknown,
  trustProxy: boolean,
): Principal | Promise<Principal> {
  const address = typeof remoteAddress === 'string' ? remoteAddress : undefined;
  const ip = clientIpOf(request.headers, address, { trustProxy });
  return resolve(apiKeyFromHeaders(request.headers), ip);
}

/**
 * The caller of an operation the `onRequest` hook did not see: an HTTP request on a path it does
 * not cover, or a graphql-ws operation (no `Request`: the key is in `connectionParams`).
 */
function resolveContextPrincipal(
  resolve: PrincipalResolver,
  { request, remoteAddress, connectionParams, req }: InitialContext,
  trustProxy: boolean,
): Principal | Promise<Principal> {
  if (request !== undefined)
    return resolveHttpPrincipal(resolve, request, remoteAddress, trustProxy);
  const ip = req?.socket.remoteAddress ?? 'unknown';
  return resolve(apiKeyFromConnectionParams(connectionParams), ip);
}

/**
 * The bucket and policy of each principal, resolved once: principals are built once per key (or
 * address), so a request finds its target without building strings or closures.
 */
function createTargetCache(policies: RateLimitPolicies): (principal: Principal) => RateLimitTarget {
  const targets = new WeakMap<Principal, RateLimitTarget>();
  return (principal) => {
    let target = targets.get(principal);
    if (target === undefined) {
      target = rateLimitTarget(principal, policies);
      targets.set(principal, target);
    }
    return target;
  };
}

/**
 * Adds the `X-RateLimit-*` headers to `response`. Returns undefined when they were set in place,
 * or a copy carrying them when its headers are immutable (a fetched response).
 */
function withRateLimitHeaders(
  response: Response,
  decision: RateLimitDecision,
): Response | undefined {
  const headers = rateLimitHeaders(decision);
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return undefined;
  } catch {
    const copy = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) copy.set(name, value);
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: copy,
    });
  }
}

/**
 * Authenticates every request (`x-api-key` on HTTP, `connectionParams` on graphql-ws), puts the
 * principal into the GraphQL context and applies the per-key / per-IP rate limit: HTTP requests
 * over budget end with 429, `Retry-After` and a `RATE_LIMITED` error before anything is parsed;
 * allowed ones carry `X-RateLimit-*` headers. graphql-ws operations over budget get a
 * `RATE_LIMITED` error result. Register it before the routes plugin, which ends REST requests.
 */
export function useAccessControl(options: AccessControlOptions): Plugin<AccessContext> {
  const {
    apiKeys,
    limiter,
    policies = DEFAULT_RATE_LIMIT_POLICIES,
    paths = ['/graphql', '/rum'],
    trustProxy = false,
    onError,
  } = options;
  const resolve = createPrincipalResolver(apiKeys);
  const targetOf = createTargetCache(policies);
  const principals = new WeakMap<Request, Principal>();
  const decisions = new WeakMap<Request, RateLimitDecision>();
  /** graphql-ws operations over budget, by their context (principals are shared). */
  const refusedOperations = new WeakMap<object, RateLimitDecision>();

  const take = (principal: Principal): Promise<RateLimitDecision> => {
    const target = targetOf(principal);
    return limiter.take(target.bucket, target.policy);
  };

  const report = (error: unknown): void => {
    try {
      onError?.(error);
    } catch {
      // Reporting must not fail a request either.
    }
  };

  const refuseIfLimited = (context: object, stop: (result: { errors: Error[] }) => void): void => {
    const decision = refusedOperations.get(context);
    if (decision !== undefined) stop({ errors: [rateLimitedError(decision)] });
  };

  return {
    // Exceptions thrown in onRequest/onResponse are not caught by the server: catch everything.
    async onRequest(payload) {
      const { request, url, serverContext } = payload;
      // CORS preflights carry no key and would charge a browser twice per request.
      if (request.method === 'OPTIONS' || !isCovered(paths, url.pathname)) return;
      try {
        const remoteAddress = (serverContext as { remoteAddress?: unknown }).remoteAddress;
        const principal = await resolveHttpPrincipal(resolve, request, remoteAddress, trustProxy);
        if (principal.kind === 'anonymous' && principal.rejectedKey === 'conflicting') {
          // Which key did the caller mean? Guessing could run the request with the wrong role.
          payload.endResponse(conflictingKeysResponse());
          return;
        }
        principals.set(request, principal);
        const decision = await take(principal);
        decisions.set(request, decision);
        if (!decision.allowed) payload.endResponse(rateLimitedResponse(decision));
      } catch (error) {
        report(error);
      }
    },

    onResponse(payload) {
      const { request, response } = payload;
      const decision = decisions.get(request);
      if (decision === undefined || response.status === 429) return;
      const copy = withRateLimitHeaders(response, decision);
      if (copy !== undefined) payload.setResponse(copy);
    },

    async onContextBuilding({ context, extendContext }) {
      const initial = context as InitialContext;
      const known = initial.request === undefined ? undefined : principals.get(initial.request);
      if (known !== undefined) {
        extendContext({ principal: known });
        return;
      }
      // An HTTP path the plugin does not cover is authenticated but not limited.
      const principal = await resolveContextPrincipal(resolve, initial, trustProxy);
      if (initial.request === undefined) {
        // graphql-ws: every operation is authenticated and limited on its own.
        try {
          const decision = await take(principal);
          if (!decision.allowed) refusedOperations.set(context, decision);
        } catch (error) {
          report(error);
        }
      }
      extendContext({ principal });
    },

    onExecute({ args, setResultAndStopExecution }) {
      refuseIfLimited(args.contextValue, (result) => {
        setResultAndStopExecution(result);
      });
    },

    onSubscribe({ args, setResultAndStopExecution }) {
      refuseIfLimited(args.contextValue, (result) => {
        setResultAndStopExecution(result as never);
      });
    },
  };
}

/**
 * What stands in for {@link useAccessControl} when a benchmark switches access off
 * (`TAURINE_DISABLE_PLUGINS=access`): no key is read and nothing is limited, but every operation
 * still has a principal — the anonymous one of its address, built once — so the schema's scope
 * checks run as they do for a caller without a key (without one they would fail every field).
 */
export function useAnonymousAccess(options: { trustProxy?: boolean } = {}): Plugin<AccessContext> {
  const anonymousAt = createAnonymousPrincipals();
  const trustProxy = options.trustProxy ?? false;
  return {
    onContextBuilding({ context, extendContext }) {
      const { request, remoteAddress, req } = context as InitialContext;
      const address = typeof remoteAddress === 'string' ? remoteAddress : req?.socket.remoteAddress;
      const ip =
        request === undefined
          ? (address ?? 'unknown')
          : clientIpOf(request.headers, address, { trustProxy });
      extendContext({ principal: anonymousAt(ip) });
    },
  };
}
