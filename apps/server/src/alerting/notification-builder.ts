import type { MetricsRegistry, NotificationIntent } from '@taurine/monitor';
import type { AlertNotification, TrendPoint } from '@taurine/notify';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * What to do first, per metric (emails and PagerDuty details show it). Metrics without an entry
 * get {@link DEFAULT_RECOMMENDED_ACTIONS}.
 */
export const RECOMMENDED_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'api.responseTime': [
    'Open the performance dashboard and find the slowest operations',
    'Check recent deploys and the database and Redis latency',
    'Scale out or shed load if traffic is unusually high',
  ],
  'api.errorRate': [
    'Look at the newest server errors in the logs',
    'Roll back the last deploy if errors started with it',
    'Check the health of the database and Redis',
  ],
  'cache.hitRate': [
    'Check TTLs and evictions per cache tier',
    'Warm the cache for popular keys',
    'Look for a key-version change that emptied the cache',
  ],
  'process.heapUsedMB': [
    'Compare heap usage with the cache size and traffic',
    'Take a heap snapshot if usage keeps growing',
  ],
  'process.heapUsedRatio': [
    'Compare heap usage with the cache size and traffic',
    'Run optimizeMemory (operator key) to drop expired cache entries and collect garbage',
    'Take a heap snapshot if usage keeps growing',
  ],
  'health.score': ['Open the health breakdown on the dashboard to find the failing component'],
  'health.uptimeRatio': ['Review restarts and failed health checks over the last 24 hours'],
  'business.conversionRate': [
    'Check that affiliate links resolve',
    'Compare traffic sources with the previous day',
  ],
};

/** Actions suggested when a metric has no entry in {@link RECOMMENDED_ACTIONS}. */
export const DEFAULT_RECOMMENDED_ACTIONS: readonly string[] = [
  'Open the dashboard and compare the metric with the last hour',
];

/** The SPA's pages: a public URL ending in one of them names a page, not the app's base. */
const SPA_PAGES: ReadonlySet<string> = new Set(['monitoring', 'alerts', 'performance', 'demo']);

/**
 * The base URL of the SPA from the configured public URL (`PUBLIC_URL`, or the older
 * `DASHBOARD_URL`), always ending in `/`. A trailing SPA page is dropped, so the old default
 * `http://host:4000/monitoring` still means `http://host:4000/`; any other path is kept as the
 * prefix a reverse proxy serves the app under. Query and fragment are dropped.
 */
export function spaBaseUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments.length > 0 && SPA_PAGES.has(segments[segments.length - 1]!)) segments.pop();
  url.pathname = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  url.search = '';
  url.hash = '';
  return url.href;
}

/** Link to one alert in the SPA: `/alerts?alert=<fingerprint>` opens it. */
export function alertLink(publicUrl: string, fingerprint: string): string {
  const url = new URL('alerts', spaBaseUrl(publicUrl));
  url.searchParams.set('alert', fingerprint);
  return url.href;
}

/** The metric's statistic per minute over the hour before `at`; empty when unavailable. */
export function trendOf(
  registry: MetricsRegistry,
  intent: Pick<NotificationIntent, 'metric' | 'tags' | 'at'>,
  stat: string,
): TrendPoint[] {
  try {
    const to = Math.floor(intent.at / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    const points = registry.series(
      intent.metric,
      intent.tags,
      { from: to - HOUR_MS, to },
      MINUTE_MS,
      stat as Parameters<MetricsRegistry['series']>[4],
    );
    return points.flatMap((point) =>
      point.value === null || !Number.isFinite(point.value)
        ? []
        : [{ t: point.t, value: point.value }],
    );
  } catch {
    // A trend is a nicety: a notification goes out without one rather than not at all.
    return [];
  }
}

/**
 * The notification for an intent: what every channel renders. `stat` is the rule's statistic,
 * used for the trend. Plain JSON, so the outbox stores it as is.
 */
export function buildNotification(
  intent: NotificationIntent,
  options: { registry: MetricsRegistry; dashboardUrl: string; stat: string },
): AlertNotification {
  const trend = trendOf(options.registry, intent, options.stat);
  return {
    idempotencyKey: intent.idempotencyKey,
    kind: intent.kind,
    fingerprint: intent.fingerprint,
    alertName: intent.alertName,
    severity: intent.severity,
    metric: intent.metric,
    unit: intent.unit,
    stat: options.stat,
    value: intent.value,
    threshold: intent.threshold,
    status:
      intent.status === 'acknowledged' || intent.status === 'resolved' ? intent.status : 'firing',
    startsAt: intent.startsAt,
    at: intent.at,
    summary: summaryOf(intent),
    ...(intent.description === null ? {} : { description: intent.description }),
    dashboardUrl: alertLink(options.dashboardUrl, intent.fingerprint),
    ...(trend.length === 0 ? {} : { trend }),
    recommendedActions: [...(RECOMMENDED_ACTIONS[intent.metric] ?? DEFAULT_RECOMMENDED_ACTIONS)],
    tags: { ...intent.tags },
  };
}

/**
 * The intent's summary without the leading alert name (every channel shows the name beside it),
 * plus who acknowledged or resolved the alert and why.
 */
function summaryOf(intent: NotificationIntent): string {
  const prefix = `${intent.alertName}: `;
  const summary = intent.summary.startsWith(prefix)
    ? intent.summary.slice(prefix.length)
    : intent.summary;
  if (intent.kind !== 'acknowledged' && intent.kind !== 'resolved') return summary;
  if (intent.actor === 'system') return summary;
  const verb = intent.kind === 'acknowledged' ? 'acknowledged' : 'resolved';
  const comment = intent.comment === null ? '' : `: ${intent.comment}`;
  return `${summary} (${verb} by ${intent.actor}${comment})`;
}
