import type { Report } from './report-model.ts';

/** Columns of a report's CSV: one row per figure, the period beside the previous one. */
export const REPORT_CSV_HEADER = [
  'period_from',
  'period_to',
  'group',
  'figure',
  'label',
  'unit',
  'value',
  'previous',
  'change_pct',
  'verdict',
] as const;

const cell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The report as CSV (RFC 4180, CRLF line ends): a header, then one row per figure. */
export function toReportCsv(report: Report): string {
  const from = new Date(report.period.from).toISOString();
  const to = new Date(report.period.to).toISOString();
  const rows = report.figures.map((figure) =>
    [
      from,
      to,
      figure.group,
      figure.key,
      figure.label,
      figure.unit,
      figure.value,
      figure.previous,
      figure.changePct === null ? null : Number(figure.changePct.toFixed(2)),
      figure.verdict,
    ]
      .map(cell)
      .join(','),
  );
  return [REPORT_CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
