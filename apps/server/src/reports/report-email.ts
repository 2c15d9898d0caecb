import { toReportCsv } from '@taurine/monitor';
import type { Report, ReportFigure } from '@taurine/monitor';
import type { MailAttachment, ReportMailContent } from '@taurine/notify';
import { renderReportPdf } from './report-pdf.ts';
import { formatChange, formatFigure, periodText, reportTitle, scopeText } from './report-text.ts';

/** Formats a report can be attached (and downloaded) in. */
export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Content type of each format. */
export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The figures an email summary shows (the PDF has every one). */
const SUMMARY_KEYS = [
  'availability',
  'requests',
  'errorRate',
  'responseTime.p95',
  'responseTime.p99',
  'throughputPeak',
  'cacheHitRate.memory',
  'webVitals.LCP.p75',
  'webVitals.INP.p75',
  'calculations',
  'conversion',
];

const ARROW_COLORS = { better: '#1e8449', worse: '#c0392b', other: '#7f8c8d' } as const;

function arrowHtml(figure: ReportFigure): string {
  if (figure.changePct === null || figure.changePct === 0) return '';
  const tone = figure.verdict === 'better' || figure.verdict === 'worse' ? figure.verdict : 'other';
  const arrow = figure.changePct > 0 ? '&#9650;' : '&#9660;';
  return `<span style="color:${ARROW_COLORS[tone]}">${arrow} ${escapeHtml(formatChange(figure))}</span>`;
}

/** One report in its format, as bytes. */
export async function renderReportFile(report: Report, format: ReportFormat): Promise<Buffer> {
  if (format === 'pdf') return renderReportPdf(report);
  if (format === 'csv') return Buffer.from(toReportCsv(report), 'utf8');
  return Buffer.from(JSON.stringify(report, null, 2), 'utf8');
}

/** `taurine-report-day-2026-03-29.pdf` */
export const reportFileName = (report: Report, format: ReportFormat): string =>
  `taurine-report-${report.period.kind}-${report.period.label.replace(/[^0-9A-Za-z-]+/g, '-')}.${format}`;

/**
 * The email of a report: an HTML summary (headline, key figures with arrows, link), the same as
 * text, and the report attached in each of `formats`.
 */
export async function buildReportMail(
  report: Report,
  options: { formats: readonly ReportFormat[]; recipients: readonly string[]; link: string },
): Promise<ReportMailContent> {
  const figures = SUMMARY_KEYS.flatMap((key) => report.figures.filter((f) => f.key === key));
  const title = reportTitle(report);
  const rows = figures.map(
    (figure) =>
      `<tr><td style="padding:4px 8px">${escapeHtml(figure.label)}</td>` +
      `<td style="padding:4px 8px;text-align:right">${escapeHtml(formatFigure(figure.value, figure.unit))}</td>` +
      `<td style="padding:4px 8px;text-align:right;color:#666">${escapeHtml(formatFigure(figure.previous, figure.unit))}</td>` +
      `<td style="padding:4px 8px">${arrowHtml(figure)}</td></tr>`,
  );
  const html = [
    '<!doctype html>',
    '<html><body style="font-family:sans-serif;color:#222">',
    `<h2 style="color:#1f4e79">${escapeHtml(title)}</h2>`,
    `<p style="color:#666">${escapeHtml(periodText(report))} &middot; ${escapeHtml(scopeText(report))}</p>`,
    `<p>${escapeHtml(report.headline)}</p>`,
    '<table style="border-collapse:collapse">',
    '<tr><th style="text-align:left;padding:4px 8px">Figure</th><th style="padding:4px 8px">This period</th><th style="padding:4px 8px">Previous</th><th></th></tr>',
    ...rows,
    '</table>',
    ...(report.recommendations.length === 0
      ? []
      : [
          '<h3>Recommendations</h3><ul>',
          ...report.recommendations.map((action) => `<li>${escapeHtml(action)}</li>`),
          '</ul>',
        ]),
    `<p><a href="${escapeHtml(options.link)}">Open the report</a> (the full report is attached).</p>`,
    '</body></html>',
  ].join('\n');
  const text = [
    title,
    periodText(report),
    '',
    report.headline,
    '',
    ...figures.map(
      (figure) =>
        `${figure.label}: ${formatFigure(figure.value, figure.unit)} (previous ${formatFigure(figure.previous, figure.unit)}${figure.changePct === null ? '' : `, ${formatChange(figure)}`})`,
    ),
    '',
    `Report: ${options.link}`,
    '',
    '-- Taurine',
  ].join('\n');
  const attachments: MailAttachment[] = [];
  for (const format of options.formats) {
    attachments.push({
      filename: reportFileName(report, format),
      contentType: REPORT_CONTENT_TYPES[format].split(';')[0] ?? 'application/octet-stream',
      contentBase64: (await renderReportFile(report, format)).toString('base64'),
    });
  }
  return {
    subject: `[Taurine] ${title}`,
    text,
    html,
    recipients: [...options.recipients],
    attachments,
  };
}
