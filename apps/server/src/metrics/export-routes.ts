import {
  MonitorError,
  PROMETHEUS_CONTENT_TYPE,
  toCsvExport,
  toJsonExport,
  toPrometheusText,
} from '@taurine/monitor';
import type { MetricsRegistry } from '@taurine/monitor';
import { UnknownInstanceError } from '../cluster/cluster-service.ts';
import { exportScope } from '../cluster/cluster-views.ts';
import type { ViewScope } from '../cluster/cluster-views.ts';
import { EXPORT_LIMITS, exportRows } from './export-rows.ts';
import type { ExportQuery } from './export-rows.ts';

const badRequest = (message: string) => Response.json({ error: message }, { status: 400 });

/** Reads `metric`, `from`, `to` (ISO 8601 or epoch ms) and `step` (seconds) from a URL. */
export function parseExportQuery(url: URL, now: number): ExportQuery | string {
  const metric = url.searchParams.get('metric') ?? undefined;
  if (metric !== undefined && !/^[A-Za-z0-9_.]{1,200}\*?$/.test(metric)) {
    return 'metric must be a metric name, optionally ending in * for a prefix';
  }
  const time = (name: string): number | undefined | string => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return undefined;
    const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
    return Number.isFinite(value)
      ? value
      : `${name} must be an ISO 8601 time or epoch milliseconds`;
  };
  const from = time('from');
  const to = time('to');
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  if (from === undefined && to === undefined) return { metric };
  const range = { from: from ?? now - 3_600_000, to: to ?? now };
  if (!(range.to > range.from)) return 'to must be after from';
  if (range.to - range.from > EXPORT_LIMITS.maxRangeMs) return 'the range may span at most 90 days';
  const stepRaw = url.searchParams.get('step');
  const stepMs = stepRaw === null ? undefined : Number(stepRaw) * 1000;
  if (
    stepMs !== undefined &&
    !(Number.isInteger(stepMs) && stepMs >= 60_000 && stepMs % 60_000 === 0)
  ) {
    return 'step must be a whole number of minutes in seconds (60, 120, 300, ...)';
  }
  return { metric, range, stepMs };
}

/** The registry answering a route: the deployment, or `?instance=` alone. */
export type RegistryView = (scope: ViewScope) => Promise<MetricsRegistry>;

/** The registry for `url`'s `instance` parameter, or a 400 answer for an unknown instance. */
async function registryOf(
  view: RegistryView,
  url: URL,
  scope: ViewScope,
): Promise<MetricsRegistry | Response> {
  const instance = url.searchParams.get('instance') || undefined;
  try {
    return await view({ ...scope, instance });
  } catch (error) {
    if (error instanceof UnknownInstanceError) return badRequest(error.message);
    throw error;
  }
}

/** `GET /metrics`: Prometheus text exposition of every series (`?instance=` narrows to one). */
export function prometheusRoute(view: RegistryView, now: () => number) {
  return async (_request: Request, url: URL) => {
    const at = now();
    const registry = await registryOf(view, url, exportScope(undefined, undefined, at));
    if (registry instanceof Response) return registry;
    return new Response(toPrometheusText(registry, at), {
      headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' },
    });
  };
}

/** `GET /export.csv` and `GET /export.json`: the original application's CSV and JSON shapes. */
export function exportRoute(view: RegistryView, now: () => number, format: 'csv' | 'json') {
  return async (_request: Request, url: URL) => {
    const at = now();
    const query = parseExportQuery(url, at);
    if (typeof query === 'string') return badRequest(query);
    const registry = await registryOf(view, url, exportScope(query.metric, query.range, at));
    if (registry instanceof Response) return registry;
    let rows;
    try {
      rows = exportRows(registry, at, query);
    } catch (error) {
      if (error instanceof MonitorError) return badRequest(error.message);
      throw error;
    }
    const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
    const headers = {
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="taurine-metrics-${stamp}.${format}"`,
    };
    return format === 'csv'
      ? new Response(toCsvExport(rows), {
          headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
        })
      : Response.json(toJsonExport(rows, at), { headers });
  };
}
