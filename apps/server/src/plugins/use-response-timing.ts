import type { Plugin } from 'graphql-yoga';

/** The slice of the metrics registry the plugin writes to: pre-resolved series handles. */
export interface ResponseTimingRecorder {
  handle(
    name: string,
    kind: 'counter' | 'distribution',
    tags: Record<string, string>,
  ): { record(value: number): void };
}

/** Tag sets whose handles are kept; beyond it (hostile operation names) handles are not cached. */
const MAX_CACHED_HANDLES = 4096;
/** Longer tag sets (a path of kilobytes) are not cached either, so the cache stays under ~2 MB. */
const MAX_CACHED_ID_LENGTH = 512;

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
  /** The `endpoint` tag, or null when the path is not timed. */
  endpoint: string | null;
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
  // Resolving a series (sorting and joining tags) costs more than recording into it: resolve each
  // tag set once. The registry bounds series per metric; this map bounds itself too.
  const handles = new Map<string, { record(value: number): void }>();
  const record = (
    name: string,
    kind: 'counter' | 'distribution',
    tags: Record<string, string>,
    value: number,
  ) => {
    const id = `${name}\u0000${Object.values(tags).join('\u0000')}`;
    let handle = handles.get(id);
    if (!handle) {
      handle = recorder.handle(name, kind, tags);
      if (handles.size < MAX_CACHED_HANDLES && id.length <= MAX_CACHED_ID_LENGTH) {
        handles.set(id, handle);
      }
    }
    handle.record(value);
  };

  /**
   * Named by `operationName`, else by the document's first operation (clients often omit the
   * parameter). A regex on the text, not a parse: this runs on every request, before yoga parses.
   */
  const OPERATION_NAME =
    /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
  const operationOf = (params: { operationName?: string | null; query?: string | null }) => {
    const name =
      params.operationName ?? (params.query ? OPERATION_NAME.exec(params.query)?.[1] : undefined);
    return name ? name.slice(0, 64) : 'anonymous';
  };

  return {
    onRequest({ request, url }) {
      states.set(request, {
        startedAt: now(),
        endpoint: endpointOf(url.pathname),
        operation: 'none',
        graphqlErrors: false,
      });
    },
    onParams({ request, params }) {
      const state = states.get(request);
      if (state) state.operation = operationOf(params);
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
        const { endpoint } = state;
        if (endpoint === null) return;
        const tags = { endpoint, operation: state.operation, method: request.method };
        record('api.responseTime', 'distribution', tags, durationMs);
        record('api.requests', 'counter', { ...tags, status: String(response.status) }, 1);
        const type =
          response.status >= 500 || state.graphqlErrors
            ? 'server'
            : response.status >= 400
              ? 'client'
              : null;
        if (type) record('api.errors', 'counter', { ...tags, type }, 1);
      } catch {
        // Telemetry never fails a request.
      }
    },
  };
}
