import { CacheError } from '@taurine/cache';
import { collectExportRows, toJsonExport } from '@taurine/monitor';
import type { AuditActor } from '../access/audit.ts';
import { cacheReport } from '../cache/cache-report.ts';
import type { Services } from '../services.ts';
import { checkHealth } from '../infra/health-route.ts';

/** Key figures of the report: statistic per metric over the last 5 minutes. */
const REPORT_METRICS = [
  'api.responseTime',
  'api.requests',
  'api.errors',
  'process.heapUsedMB',
  'process.eventLoopDelay',
  'cache.lookups',
  'business.conversionRate',
] as const;

const respond = (report: string, body: unknown, status = 200) =>
  Response.json(body, {
    status,
    headers: { 'cache-control': 'no-store', 'x-performance-report': report },
  });

const metricsReport = (services: Services) => ({
  timestamp: new Date().toISOString(),
  window: '5m',
  metrics: Object.fromEntries(
    REPORT_METRICS.map((name) => [name, services.metrics.registry.stats(name, undefined, '5m')]),
  ),
});

/** The short summary: overall status, health score and the snapshot's key numbers. */
const basicReport = async (services: Services) => {
  const health = await checkHealth(services);
  const snapshot = services.collector.latest();
  return {
    timestamp: new Date().toISOString(),
    status: health.status,
    healthScore: snapshot?.healthScore ?? null,
    uptimeSeconds: health.uptimeSeconds,
    // From the latest collection tick (`snapshotAt`); null when nothing was measured yet.
    snapshotAt: snapshot === null ? null : new Date(snapshot.at).toISOString(),
    stats: {
      requestsPerSecond: snapshot?.requestsPerSecond ?? null,
      responseTimeP95Ms: snapshot?.responseTime.p95 ?? null,
      errorRate: snapshot?.errorRate ?? null,
      cacheHitRate: snapshot?.cacheHitRate ?? null,
      heapUsedMB: snapshot?.memory.heapUsedMB ?? null,
      activeUsers: snapshot?.activeUsers ?? null,
      activeAlerts: snapshot?.activeAlerts.length ?? null,
    },
  };
};

const fullReport = async (services: Services) => ({
  ...metricsReport(services),
  snapshot: services.collector.latest(),
  caches: await cacheReport(services.cache, services.metrics.registry),
  // Today's report (UTC, this instance): the same document as GraphQL's `report(period: DAY)`.
  report: await services.reports.build({ period: 'day', at: Date.now(), scope: 'instance' }),
  suggestions: await services.operations.suggestions.list(),
});

const warmSummary = (result: Awaited<ReturnType<Services['cacheOps']['warm']>>) => ({
  warmed: result.warmed,
  skipped: result.skipped,
  failed: result.failed.map((f) => f.key),
});

/** Runs a cache action and records it: `ok`, or the cache's refusal with its reason. */
async function audited(
  services: Services,
  actor: AuditActor,
  action: string,
  args: Record<string, unknown>,
  run: () => Promise<Response>,
): Promise<Response> {
  try {
    const response = await run();
    await services.audit.record({ actor, action: `rest:${action}`, args, result: 'ok' });
    return response;
  } catch (error) {
    await services.audit.record({
      actor,
      action: `rest:${action}`,
      args,
      result: error instanceof CacheError ? 'VALIDATION_ERROR' : 'ERROR',
      details:
        error instanceof CacheError ? { message: error.message, code: error.code } : undefined,
    });
    throw error;
  }
}

/** `warm` with a `key` refreshes that key (for `ttl` seconds if given); without one, the basics. */
async function warmAction(
  services: Services,
  actor: AuditActor,
  key: unknown,
  ttl: unknown,
): Promise<Response> {
  if (key !== undefined && typeof key !== 'string') {
    return respond('error', { error: 'key must be a string' }, 400);
  }
  if (
    ttl !== undefined &&
    !(typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0 && ttl <= 86_400)
  ) {
    return respond('error', { error: 'ttl must be whole seconds from 1 to 86400' }, 400);
  }
  return audited(services, actor, 'warmCache', { cacheKey: key ?? null, ttl }, async () => {
    const result =
      typeof key === 'string'
        ? await services.cache.warm([key], (k) => services.catalog.loaderFor(k), {
            refresh: true,
            ...(typeof ttl === 'number' ? { ttlMs: ttl * 1000 } : {}),
          })
        : await services.cacheOps.warm();
    return respond('warm', warmSummary(result));
  });
}

/** Runs the action a `POST` body names; a cache refusal is thrown as its `CacheError`. */
function postAction(
  services: Services,
  actor: AuditActor,
  body: Record<string, unknown>,
): Promise<Response> | Response {
  const { action, key, pattern, ttl } = body;
  switch (action) {
    case 'clear': {
      if (typeof pattern !== 'string')
        return respond('error', { error: 'clear needs a pattern' }, 400);
      return audited(services, actor, 'clearCache', { pattern }, async () =>
        respond('clear', { pattern, ...(await services.cache.clear(pattern)) }),
      );
    }
    case 'delete': {
      if (typeof key !== 'string') return respond('error', { error: 'delete needs a key' }, 400);
      return audited(services, actor, 'deleteCacheKey', { cacheKey: key }, async () =>
        respond('delete', { key, deleted: await services.cache.delete(key) }),
      );
    }
    case 'warm':
      return warmAction(services, actor, key, ttl);
    case 'metrics':
      return respond('metrics', metricsReport(services));
    default:
      return respond('error', { error: 'action must be one of clear, delete, warm, metrics' }, 400);
  }
}

/**
 * The specification's REST facade over the same services as GraphQL: `GET /api/performance` with
 * `report=basic|full|metrics`, `export=true`, `optimize=true` or `warm=true`; `POST` with
 * `{ action: 'clear' | 'delete' | 'warm' | 'metrics', key?, pattern?, ttl? }` (ttl in seconds).
 * Cache actions are audited like their mutations, as `rest:<mutation>` (`rest:clearCache`, …).
 */
export function createPerformanceRoutes(services: Services) {
  return {
    async get(_request: Request, url: URL, actor: AuditActor): Promise<Response> {
      const params = url.searchParams;
      if (params.get('export') === 'true') {
        const now = Date.now();
        const document = toJsonExport(collectExportRows(services.metrics.registry, now), now);
        return respond('export', document);
      }
      if (params.get('optimize') === 'true') {
        return audited(services, actor, 'optimizeMemory', {}, () =>
          Promise.resolve(respond('optimize', services.cache.optimizeMemory())),
        );
      }
      if (params.get('warm') === 'true') {
        return audited(services, actor, 'warmCache', {}, async () =>
          respond('warm', warmSummary(await services.cacheOps.warm())),
        );
      }
      const report = params.get('report') ?? 'full';
      if (report === 'basic') return respond('basic', await basicReport(services));
      if (report === 'metrics') return respond('metrics', metricsReport(services));
      if (report === 'full') return respond('full', await fullReport(services));
      return respond('error', { error: 'report must be basic, full or metrics' }, 400);
    },

    async post(request: Request, actor: AuditActor): Promise<Response> {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return respond('error', { error: 'Body must be a JSON object' }, 400);
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return respond('error', { error: 'Body must be a JSON object' }, 400);
      }
      try {
        return await postAction(services, actor, body as Record<string, unknown>);
      } catch (error) {
        if (error instanceof CacheError)
          return respond('error', { error: error.message, code: error.code }, 400);
        throw error;
      }
    },
  };
}
