import type { Report, ReportFigure } from '@taurine/monitor';
import { formatDuration, formatQuantity } from '@taurine/units';

/** A figure's value as a person reads it (`99.9 %`, `1.23 s`, `—` for no data). */
export const formatFigure = (value: number | null, unit: string): string =>
  formatQuantity(value, unit);

/** `+12.5 %`, `-3.0 %`, or empty when there is no change to show. */
export function formatChange(figure: ReportFigure): string {
  if (figure.changePct === null) return '';
  const sign = figure.changePct > 0 ? '+' : '';
  return `${sign}${figure.changePct.toFixed(1)} %`;
}

/** Words for a verdict, for text where no arrow can be drawn. */
export const VERDICT_TEXT: Readonly<Record<ReportFigure['verdict'], string>> = {
  better: 'better',
  worse: 'worse',
  unchanged: 'unchanged',
  neutral: '',
  none: '',
};

/** `2026-03-29 00:00 – 2026-03-30 00:00 (Europe/Paris)`: the period in its own zone. */
export function periodText(report: Report): string {
  const format = (ms: number) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: report.period.timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(ms);
  return `${format(report.period.from)} - ${format(report.period.to)} (${report.period.timeZone})`;
}

/** `Daily report 2026-03-29` and friends. */
export function reportTitle(report: Report): string {
  const kind = { day: 'Daily', week: 'Weekly', month: 'Monthly', custom: 'Custom' }[
    report.period.kind
  ];
  return `${kind} report ${report.period.label}`;
}

/** `cluster` or `instance web-1`. */
export const scopeText = (report: Report): string =>
  report.scope.kind === 'cluster' ? 'cluster' : `instance ${report.scope.instanceId ?? ''}`;

/** A mean time as `4 min 10 s`, or `—`. */
export const formatMeanTime = (ms: number | null): string =>
  ms === null ? formatQuantity(null, 'ms') : formatDuration(ms / 1000);
