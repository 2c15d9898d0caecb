import { KIND_LABELS } from './alert-notification.ts';
import type { AlertNotification, TrendPoint } from './alert-notification.ts';
import { escapeHtml } from './escape-html.ts';
import {
  formatInstant,
  formatMetricValue,
  formatThreshold,
  truncate,
} from './notification-format.ts';
import { renderSparkline } from './sparkline.ts';

/** Subject and bodies of one alert email. */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** How far back the trend reaches. */
export const TREND_WINDOW_MS = 60 * 60 * 1000;
/** Most rows the trend table shows (sampled evenly, always ending with the latest point). */
export const TREND_TABLE_ROWS = 12;

const SEVERITY_COLORS = {
  critical: '#d00000',
  error: '#e8590c',
  warning: '#daa038',
  info: '#439fe0',
};

/** The trend points of the hour before `at`, oldest first. */
export function lastHourTrend(notification: AlertNotification): TrendPoint[] {
  const from = notification.at - TREND_WINDOW_MS;
  return (notification.trend ?? [])
    .filter(
      (point) => point.t >= from && point.t <= notification.at && Number.isFinite(point.value),
    )
    .sort((a, b) => a.t - b.t);
}

function sampleRows(points: readonly TrendPoint[]): TrendPoint[] {
  if (points.length <= TREND_TABLE_ROWS) return [...points];
  const step = (points.length - 1) / (TREND_TABLE_ROWS - 1);
  return Array.from({ length: TREND_TABLE_ROWS }, (_, row) => points[Math.round(row * step)]!);
}

/** Only http(s) links are rendered, so a stored `javascript:` URL cannot become a link. */
function safeLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function detailRows(n: AlertNotification): [string, string][] {
  return [
    ['Alert', n.alertName],
    ['Status', `${KIND_LABELS[n.kind]} (${n.status})`],
    ['Severity', n.severity],
    ['Metric', n.metric],
    ['Value', formatMetricValue(n, n.value)],
    ['Threshold', formatThreshold(n) ?? 'none'],
    ['Started', formatInstant(n.startsAt)],
    ['Time', formatInstant(n.at)],
    ...Object.entries(n.tags ?? {}).map(([key, value]): [string, string] => [`Tag ${key}`, value]),
  ];
}

const CELL_STYLE = 'padding:4px 8px;border-bottom:1px solid #eee;text-align:left';

/** A two-column table; the first column is a header cell unless `heading` names the columns. */
function htmlTable(rows: readonly [string, string][], heading?: [string, string]): string {
  const head =
    heading === undefined
      ? ''
      : `<tr>${heading.map((label) => `<th style="${CELL_STYLE}">${escapeHtml(label)}</th>`).join('')}</tr>`;
  const firstTag = heading === undefined ? 'th' : 'td';
  const body = rows.map(
    ([first, second]) =>
      `<tr><${firstTag} style="${CELL_STYLE}">${escapeHtml(first)}</${firstTag}>` +
      `<td style="${CELL_STYLE}">${escapeHtml(second)}</td></tr>`,
  );
  return ['<table style="border-collapse:collapse">', head, ...body, '</table>']
    .filter((line) => line !== '')
    .join('\n');
}

/** Renders the subject, plain-text and HTML bodies. Every interpolated value is HTML-escaped. */
export function renderEmail(notification: AlertNotification): EmailMessage {
  const n = notification;
  const subject = truncate(
    `[Taurine] [${KIND_LABELS[n.kind]}] ${n.severity}: ${n.alertName}`.replace(/[\r\n]+/g, ' '),
    200,
  );
  const trend = lastHourTrend(n);
  const values = trend.map((point) => point.value);
  const sparkline = renderSparkline(values);
  const trendSummary =
    trend.length === 0
      ? 'No data in the last hour.'
      : `min ${formatMetricValue(n, Math.min(...values))}, max ${formatMetricValue(n, Math.max(...values))}, latest ${formatMetricValue(n, values.at(-1) ?? null)}`;
  const rows = sampleRows(trend);
  const actions = n.recommendedActions ?? [];
  const link = safeLink(n.dashboardUrl);
  const details = detailRows(n);

  const text = [
    `${KIND_LABELS[n.kind]}: ${n.alertName}`,
    '',
    n.summary,
    ...(n.description === undefined ? [] : ['', n.description]),
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    'Trend (last hour):',
    ...(trend.length === 0 ? [] : [sparkline]),
    trendSummary,
    ...rows.map((point) => `  ${formatInstant(point.t)}  ${formatMetricValue(n, point.value)}`),
    ...(actions.length === 0
      ? []
      : ['', 'Recommended actions:', ...actions.map((action) => `- ${action}`)]),
    ...(link === undefined ? [] : ['', `Dashboard: ${link}`]),
    '',
    '-- Taurine',
  ].join('\n');

  const title = `[${KIND_LABELS[n.kind]}] ${n.alertName}`;
  const html = [
    '<!doctype html>',
    '<html><body style="font-family:sans-serif;color:#222">',
    `<h2 style="color:${SEVERITY_COLORS[n.severity]}">${escapeHtml(title)}</h2>`,
    `<p>${escapeHtml(n.summary)}</p>`,
    ...(n.description === undefined ? [] : [`<p>${escapeHtml(n.description)}</p>`]),
    htmlTable(details),
    '<h3>Trend (last hour)</h3>',
    ...(trend.length === 0
      ? []
      : [`<p style="font-family:monospace">${escapeHtml(sparkline)}</p>`]),
    `<p>${escapeHtml(trendSummary)}</p>`,
    ...(rows.length === 0
      ? []
      : [
          htmlTable(
            rows.map((point) => [formatInstant(point.t), formatMetricValue(n, point.value)]),
            ['Time', 'Value'],
          ),
        ]),
    ...(actions.length === 0
      ? []
      : [
          '<h3>Recommended actions</h3>',
          `<ul>${actions.map((action) => `<li>${escapeHtml(action)}</li>`).join('')}</ul>`,
        ]),
    ...(link === undefined ? [] : [`<p><a href="${escapeHtml(link)}">Open the dashboard</a></p>`]),
    '<p style="color:#888;font-size:12px">Taurine</p>',
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
