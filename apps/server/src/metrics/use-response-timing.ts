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

type Handle = { record(value: number): void };

/** The series of one endpoint, operation and method: its response time, requests and errors. */
interface RequestSeries {
  responseTime: Handle;
  requests(status: number): Handle;
  errors(type: string): Handle;
}

interface RequestState {
  startedAt: number;
  /** The `endpoint` tag, or null when the path is not timed. */
  endpoint: string | null;
  operation: string;
  /** What the GraphQL result(s) reported, whatever the HTTP status says. */
  graphqlErrors: 'none' | 'client' | 'server';
}

const API_PATHS = ['/graphql', '/health', '/metrics', '/rum', '/livez'];

const defaultEndpointOf = (pathname: string): string | null => {
  if (API_PATHS.includes(pathname)) return pathname;
  if (pathname.startsWith('/export.')) return pathname;
  if (pathname.startsWith('/api/')) return pathname.split('/').slice(0, 3).join('/');
  return 'static';
};

/**
 * The series one request writes, resolved once per endpoint, operation and method: a request then
 * costs one key and one map look-up, not a tag object and a joined id per metric. Resolving a
 * series (sorting and joining tags) costs more than recording into it. The registry bounds series
 * per metric; this cache bounds itself too (hostile operation names are resolved, not kept).
 */
function createSeriesCache(
  recorder: ResponseTimingRecorder,
): (endpoint: string, operation: string, method: string) => RequestSeries {
  const handles = new Map<string, RequestSeries>();
  return (endpoint, operation, method) => {
    const id = `${endpoint}\u0000${operation}\u0000${method}`;
    const known = handles.get(id);
    if (known) return known;
    const tags = { endpoint, operation, method };
    const byStatus = new Map<number, Handle>();
    const byType = new Map<string, Handle>();
    const series: RequestSeries = {
      responseTime: recorder.handle('api.responseTime', 'distribution', tags),
      requests: (status) => {
        let handle = byStatus.get(status);
        if (!handle) {
          handle = recorder.handle('api.requests', 'counter', { ...tags, status: String(status) });
          byStatus.set(status, handle);
        }
        return handle;
      },
      errors: (type) => {
        let handle = byType.get(type);
        if (!handle) {
          handle = recorder.handle('api.errors', 'counter', { ...tags, type });
          byType.set(type, handle);
        }
        return handle;
      },
    };
    if (handles.size < MAX_CACHED_HANDLES && id.length <= MAX_CACHED_ID_LENGTH) {
      handles.set(id, series);
    }
    return series;
  };
}

/**
 * Who a GraphQL result's errors are due to: `server` when one is an unexpected (masked) error,
 * `client` for any other error (syntax, validation, variables, keys, limits, typed refusals).
 */
function errorKindOf(result: unknown): 'none' | 'client' | 'server' {
  if (typeof result !== 'object' || result === null || !('errors' in result)) return 'none';
  const { errors } = result as { errors?: unknown };
  if (!Array.isArray(errors) || errors.length === 0) return 'none';
  const unexpected = errors.some(
    (error: { extensions?: Record<string, unknown> } | null) =>
      error?.extensions?.['code'] === 'INTERNAL_SERVER_ERROR',
  );
  return unexpected ? 'server' : 'client';
}

/**
 * Times every HTTP request that reaches yoga — GraphQL operations and REST routes alike — and
 * records `api.responseTime` (ms, tagged `endpoint`, `operation`, `method`), `api.requests` (also
 * tagged `status`) and `api.errors`. One rule for errors, whatever the status yoga chose for the
 * media type (a validation error is 200 with `application/json`, 400 with
 * `application/graphql-response+json`): a request counts once in `api.errors` when its status is
 * 4xx/5xx or its GraphQL result carries errors, tagged `type=server` for 5xx and unexpected
 * (masked, `INTERNAL_SERVER_ERROR`) errors and `type=client` for everything a client can provoke.
 * Never throws into the request: a failing recorder loses the sample, not the response.
 */
export function useResponseTiming(options: ResponseTimingOptions): Plugin {
  const { recorder } = options;
  const endpointOf = options.endpointOf ?? defaultEndpointOf;
  const header = options.header === undefined ? 'X-Response-Time' : options.header;
  const now = options.now ?? (() => performance.now());
  const states = new WeakMap<Request, RequestState>();
  const seriesOf = createSeriesCache(recorder);

  /**
   * Named by `operationName`, else by the document's first operation (clients often omit the
   * parameter). A regex on the text, not a parse: this runs on every request, before yoga parses.
   */
  const OPERATION_NAME =
    /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
  // Parameters arrive as the client sent them, before yoga validates them: `operationName` may be
  // `1` or `{}` (once a `TypeError` here answered 500), so only strings are read.
  const operationOf = (params: unknown): string => {
    // A batch item may be anything at all (`[null, 1]`); yoga refuses it after this runs.
    if (typeof params !== 'object' || params === null) return 'invalid';
    const { operationName, query } = params as { operationName?: unknown; query?: unknown };
    if (typeof operationName === 'string' && operationName !== '')
      return operationName.slice(0, 64);
    if (operationName != null && operationName !== '') return 'invalid';
    const name = typeof query === 'string' ? OPERATION_NAME.exec(query)?.[1] : undefined;
    return name ? name.slice(0, 64) : 'anonymous';
  };

  return {
    onRequest({ request, url }) {
      states.set(request, {
        startedAt: now(),
        endpoint: endpointOf(url.pathname),
        operation: 'none',
        graphqlErrors: 'none',
      });
    },
    onParams({ request, params }) {
      const state = states.get(request);
      if (state) state.operation = operationOf(params);
    },
    onResultProcess({ request, result }) {
      const state = states.get(request);
      if (!state) return;
      // A batch fails when one of its operations does; a stream (SSE) is judged by its status.
      for (const one of Array.isArray(result) ? (result as unknown[]) : [result]) {
        const kind = errorKindOf(one);
        if (kind === 'server' || (kind === 'client' && state.graphqlErrors === 'none')) {
          state.graphqlErrors = kind;
        }
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
        const series = seriesOf(endpoint, state.operation, request.method);
        series.responseTime.record(durationMs);
        series.requests(response.status).record(1);
        const type =
          response.status >= 500 || state.graphqlErrors === 'server'
            ? 'server'
            : response.status >= 400 || state.graphqlErrors === 'client'
              ? 'client'
              : null;
        if (type) series.errors(type).record(1);
      } catch {
        // Telemetry never fails a request.
      }
    },
  };
}

/** A request answered before yoga saw it (see `http/node-bridge.ts`). */
export interface BridgeAnswerSample {
  method: string;
  /** Null when the request target was unreadable. */
  pathname: string | null;
  status: number;
}

/**
 * Counts a request the Node bridge answered itself (malformed `Host` or target, a method no
 * `Request` can carry, an oversized body) in the series {@link useResponseTiming} writes, with the
 * same error rule, so `api.requests` and `api.errors` see every request. Never throws.
 */
export function recordBridgeAnswer(
  recorder: ResponseTimingRecorder,
  { method, pathname, status }: BridgeAnswerSample,
): void {
  try {
    const endpoint = pathname === null ? 'invalid' : (defaultEndpointOf(pathname) ?? 'static');
    const tags = { endpoint, operation: 'none', method };
    recorder.handle('api.requests', 'counter', { ...tags, status: String(status) }).record(1);
    if (status >= 400) {
      const type = status >= 500 ? 'server' : 'client';
      recorder.handle('api.errors', 'counter', { ...tags, type }).record(1);
    }
  } catch {
    // Telemetry never fails a request.
  }
}
