import { getOperationAST } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The slice of the metrics registry the plugin writes to. */
export interface ResponseTimingRecorder {
  distribution(name: string, value: number, tags: Record<string, string>): void;
  counter(name: string, value: number, tags: Record<string, string>): void;
}

export interface ResponseTimingOptions {
  /** Where samples go. */
  recorder: ResponseTimingRecorder;
  /**
   * Maps a request path to the `endpoint` tag. Return `null` to skip timing for that path. Keeps
   * tag cardinality bounded: every SPA asset must not become its own series.
   * @default keeps `/graphql`, `/health`, `/metrics`, `/rum`, `/export.*`, `/api/*`; `static` otherwise
   */
  endpointOf?: (pathname: string) => string | null;
  /**
   * Name of the response header carrying the duration, e.g. `12.3ms`; `null` to send none.
   * @default 'X-Response-Time'
   */
  header?: string | null;
  /** Clock in milliseconds with sub-millisecond precision. @default performance.now */
  now?: () => number;
}

interface RequestState {
  startedAt: number;
  operation: string;
  graphqlErrors: boolean;
}

const API_PATHS = ['/graphql', '/health', '/metrics', '/rum', '/livez'];

const defaultEndpointOf = (pathname: string): string | null => {
  if (API_PATHS.includes(pathname)) return pathname;
  if (pathname.startsWith('/export.')) return pathname;
  if (pathname.startsWith('/api/')) return pathname.split('/').slice(0, 3).join('/');
  return 'static';
};

/**
 * Times every HTTP request that reaches yoga — GraphQL operations and REST routes alike — and
 * records `api.responseTime` (ms, tagged `endpoint`, `operation`, `method`),
 * `api.requests` (also tagged `status`) and `api.errors` (tagged `type`: `server` for 5xx and unexpected GraphQL errors,
 * `client` for 4xx and GraphQL validation errors). Never throws into the request: a failing
 * recorder loses the sample, not the response.
 */
export function useResponseTiming(options: ResponseTimingOptions): Plugin {
  const { recorder } = options;
  const endpointOf = options.endpointOf ?? defaultEndpointOf;
  const header = options.header === undefined ? 'X-Response-Time' : options.header;
  const now = options.now ?? (() => performance.now());
  const states = new WeakMap<Request, RequestState>();

  /** Named by `operationName`, else by the document's only operation (clients often omit it). */
  const nameOperation = (args: {
    contextValue: unknown;
    document: DocumentNode;
    operationName?: string | null;
  }) => {
    const request = (args.contextValue as { request?: Request }).request;
    const state = request ? states.get(request) : undefined;
    if (!state) return;
    const name: string | undefined =
      args.operationName ?? getOperationAST(args.document)?.name?.value;
    state.operation = name ? name.slice(0, 64) : 'anonymous';
  };

  return {
    onRequest({ request }) {
      states.set(request, { startedAt: now(), operation: 'none', graphqlErrors: false });
    },
    onExecute({ args }) {
      nameOperation(args);
    },
    onSubscribe({ args }) {
      nameOperation(args);
    },
    onResultProcess({ request, result }) {
      const state = states.get(request);
      if (!state || Array.isArray(result) || !('errors' in result)) return;
      const errors = (result as { errors?: readonly { extensions?: Record<string, unknown> }[] })
        .errors;
      if (errors?.some((error) => error.extensions?.['code'] === 'INTERNAL_SERVER_ERROR')) {
        state.graphqlErrors = true;
      }
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      const durationMs = now() - state.startedAt;
      if (header) response.headers.set(header, `${durationMs.toFixed(1)}ms`);
      try {
        const endpoint = endpointOf(new URL(request.url).pathname);
        if (endpoint === null) return;
        const tags = { endpoint, operation: state.operation, method: request.method };
        recorder.distribution('api.responseTime', durationMs, tags);
        recorder.counter('api.requests', 1, { ...tags, status: String(response.status) });
        const type =
          response.status >= 500 || state.graphqlErrors
            ? 'server'
            : response.status >= 400
              ? 'client'
              : null;
        if (type) recorder.counter('api.errors', 1, { ...tags, type });
      } catch {
        // Telemetry never fails a request.
      }
    },
  };
}
