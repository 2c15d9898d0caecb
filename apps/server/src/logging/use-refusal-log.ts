import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { apiKeyFromHeaders, clientIpOf } from '../access/principal.ts';

/** Refusals a person should hear of: a key refused, a role too weak, a caller over its budget. */
const WARN_STATUSES = new Set([401, 403, 413, 429, 431]);
/** GraphQL answers a refused field in band (HTTP 200) with one of these codes. */
const REFUSAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** The first `UNAUTHENTICATED` or `FORBIDDEN` error of a single result, if any. */
function refusalOf(result: unknown): { code: string; message: string } | undefined {
  const errors = (result as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && REFUSAL_CODES.has(code))
      return { code, message: String(error.message) };
  }
  return undefined;
}

/**
 * One line per refused request, after the answer: `warn` for HTTP 401, 403, 413, 429 and 431 and
 * for GraphQL fields refused in band (`UNAUTHENTICATED`, `FORBIDDEN`, with the server's reason),
 * `info` for other 4xx (malformed requests, hostile documents), `debug` for 404. The line names
 * the method, path, status, client address and whether a key was sent, never the key. A
 * successful request costs a comparison or two.
 */
export function useRefusalLog(options: {
  logger: Pick<Logger, 'warn' | 'info' | 'debug'>;
  trustProxy: boolean;
}): Plugin {
  const { logger, trustProxy } = options;
  /** Requests whose result held a refused field, with the refusal. */
  const refused = new WeakMap<Request, { code: string; message: string }>();
  return {
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in Object(result)) return;
      const refusal = refusalOf(result);
      if (refusal !== undefined) refused.set(request, refusal);
    },
    onResponse({ request, response, serverContext }) {
      const { status } = response;
      const refusal = refused.get(request);
      if (refusal === undefined && (status < 400 || status >= 500)) return;
      try {
        const remoteAddress = (serverContext as { remoteAddress?: unknown } | undefined)
          ?.remoteAddress;
        const { pathname } = new URL(request.url);
        const retryAfter = response.headers.get('retry-after');
        const fields = {
          event: 'refused',
          status,
          method: request.method,
          path: pathname,
          client: clientIpOf(
            request.headers,
            typeof remoteAddress === 'string' ? remoteAddress : undefined,
            { trustProxy },
          ),
          withKey: apiKeyFromHeaders(request.headers) !== null,
          ...(retryAfter === null ? {} : { retryAfter }),
          ...(refusal === undefined ? {} : { code: refusal.code, reason: refusal.message }),
        };
        const message = `refused ${request.method} ${pathname}: ${refusal?.code ?? status}`;
        if (refusal !== undefined || WARN_STATUSES.has(status)) logger.warn(fields, message);
        else if (status === 404) logger.debug(fields, message);
        else logger.info(fields, message);
      } catch {
        // Logging never fails a request.
      }
    },
  };
}
