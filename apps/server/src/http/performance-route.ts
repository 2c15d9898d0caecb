import { CacheError } from '@taurine/cache';
import { collectExportRows, toJsonExport } from '@taurine/monitor';
import { cacheReport } from '../services/cache-report.ts';
import type { Services } from '../services/services.ts';

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

const fullReport = async (services: Services) => ({
  ...metricsReport(services),
  snapshot: services.collector.latest(),
  caches: await cacheReport(services.cache, services.metrics.registry),
});

/**
 * The seed's REST facade over the same services as GraphQL: `GET /api/performance` with
 * `report=full|metrics`, `export=true`, `optimize=true` or `warm=true`; `POST` with
 * `{ action: 'clear' | 'delete' | 'warm' | 'metrics', key?, pattern?, ttl? }` (ttl in seconds).
 */
export function createPerformanceRoutes(services: Services) {
  return {
    async get(_request: Request, url: URL): Promise<Response> {
      const params = url.searchParams;
      if (params.get('export') === 'true') {
        const now = Date.now();
        const document = toJsonExport(collectExportRows(services.metrics.registry, now), now);
        return respond('export', document);
      }
      if (params.get('optimize') === 'true') {
        return respond('optimize', services.cache.optimizeMemory());
      }
      if (params.get('warm') === 'true') {
        const result = await services.cacheOps.warm();
        return respond('warm', {
          warmed: result.warmed,
          skipped: result.skipped,
          failed: result.failed.map((f) => f.key),
        });
      }
      const report = params.get('report') ?? 'full';
      if (report === 'metrics') return respond('metrics', metricsReport(services));
      if (report === 'full') return respond('full', await fullReport(services));
      return respond('error', { error: 'report must be full or metrics' }, 400);
    },

    async post(request: Request): Promise<Response> {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return respond('error', { error: 'Body must be a JSON object' }, 400);
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return respond('error', { error: 'Body must be a JSON object' }, 400);
      }
      const { action, key, pattern, ttl } = body as Record<string, unknown>;
      try {
        switch (action) {
          case 'clear': {
            if (typeof pattern !== 'string')
              return respond('error', { error: 'clear needs a pattern' }, 400);
            return respond('clear', { pattern, ...(await services.cache.clear(pattern)) });
          }
          case 'delete': {
            if (typeof key !== 'string')
              return respond('error', { error: 'delete needs a key' }, 400);
            return respond('delete', { key, deleted: await services.cache.delete(key) });
          }
          case 'warm': {
            if (key !== undefined && typeof key !== 'string') {
              return respond('error', { error: 'key must be a string' }, 400);
            }
            if (
              ttl !== undefined &&
              !(typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0 && ttl <= 86_400)
            ) {
              return respond('error', { error: 'ttl must be whole seconds from 1 to 86400' }, 400);
            }
            const result =
              typeof key === 'string'
                ? await services.cache.warm([key], (k) => services.catalog.loaderFor(k), {
                    refresh: true,
                    ...(typeof ttl === 'number' ? { ttlMs: ttl * 1000 } : {}),
                  })
                : await services.cacheOps.warm();
            return respond('warm', {
              warmed: result.warmed,
              skipped: result.skipped,
              failed: result.failed.map((f) => f.key),
            });
          }
          case 'metrics':
            return respond('metrics', metricsReport(services));
          default:
            return respond(
              'error',
              { error: 'action must be one of clear, delete, warm, metrics' },
              400,
            );
        }
      } catch (error) {
        if (error instanceof CacheError)
          return respond('error', { error: error.message, code: error.code }, 400);
        throw error;
      }
    },
  };
}
