import PDFDocument from 'pdfkit';
import type { Report, ReportFigure } from '@taurine/monitor';
import { drawArrow, drawBarChart, drawLineChart } from './pdf-charts.ts';
import {
  formatChange,
  formatFigure,
  formatMeanTime,
  periodText,
  reportTitle,
  scopeText,
} from './report-text.ts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
const ACCENT = '#1f4e79';
const INK = '#222222';
const MUTED = '#666666';

const GROUP_TITLES: Readonly<Record<ReportFigure['group'], string>> = {
  service: 'Service',
  cache: 'Cache',
  webVitals: 'Web Vitals (p75, good and poor shares)',
  business: 'Business',
};

function heading(doc: Doc, text: string): void {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor(ACCENT);
  doc.text(text, MARGIN, doc.y, { width: CONTENT });
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor(INK);
}

/** A table with a shaded header row; `widths` are fractions of the content width. */
function table(
  doc: Doc,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  decorate?: (rowIndex: number, x: number, y: number) => void,
): void {
  const rowHeight = 15;
  const drawRow = (cells: readonly string[], y: number, bold: boolean) => {
    let x = MARGIN;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8.5)
      .fillColor(INK);
    cells.forEach((cell, index) => {
      const width = (widths[index] ?? 0.2) * CONTENT;
      doc.text(cell, x + 3, y + 4, {
        width: width - 6,
        height: rowHeight,
        lineBreak: false,
        ellipsis: true,
      });
      x += width;
    });
  };
  if (doc.y > 760 - rowHeight * 2) doc.addPage();
  let y = doc.y;
  doc.rect(MARGIN, y, CONTENT, rowHeight).fillColor('#e8eef5').fill();
  drawRow(header, y, true);
  y += rowHeight;
  rows.forEach((row, index) => {
    if (y > 780) {
      doc.addPage();
      y = MARGIN;
    }
    if (index % 2 === 1) doc.rect(MARGIN, y, CONTENT, rowHeight).fillColor('#f6f6f6').fill();
    drawRow(row, y, false);
    decorate?.(index, MARGIN, y);
    y += rowHeight;
  });
  doc.x = MARGIN;
  doc.y = y + 4;
}

function titlePage(doc: Doc, report: Report): void {
  doc.rect(0, 0, PAGE_WIDTH, 220).fillColor(ACCENT).fill();
  doc.font('Helvetica-Bold').fontSize(30).fillColor('#ffffff').text('Taurine', MARGIN, 80);
  doc.font('Helvetica').fontSize(16).text('Performance report', MARGIN, 120);
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(reportTitle(report), MARGIN, 270);
  doc.font('Helvetica').fontSize(11).fillColor(MUTED);
  doc.text(`Period: ${periodText(report)}`, MARGIN, 310);
  doc.text(`Scope: ${scopeText(report)}`);
  doc.text(`Generated: ${new Date(report.generatedAt).toISOString()}`);
  doc.moveDown(2).font('Helvetica').fontSize(13).fillColor(INK);
  doc.text(report.headline, { width: CONTENT });
  const missed = report.budgets.filter((budget) => budget.status === 'missed').length;
  doc
    .moveDown(1)
    .fontSize(11)
    .fillColor(missed === 0 ? '#1e8449' : '#c0392b');
  doc.text(
    missed === 0
      ? 'Every budget with data was met.'
      : `${missed} budget${missed === 1 ? '' : 's'} missed.`,
  );
}

function figuresSection(doc: Doc, report: Report): void {
  heading(doc, 'Figures (compared with the previous period)');
  for (const group of Object.keys(GROUP_TITLES) as ReportFigure['group'][]) {
    const figures = report.figures.filter((figure) => figure.group === group);
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(GROUP_TITLES[group], MARGIN);
    doc.moveDown(0.2);
    table(
      doc,
      ['Figure', 'This period', 'Previous', 'Change', ''],
      figures.map((figure) => [
        figure.label,
        formatFigure(figure.value, figure.unit),
        formatFigure(figure.previous, figure.unit),
        formatChange(figure),
        figure.verdict === 'better' || figure.verdict === 'worse' ? figure.verdict : '',
      ]),
      [0.32, 0.2, 0.2, 0.14, 0.14],
      (index, x, y) => {
        const figure = figures[index];
        if (figure?.changePct === null || figure === undefined || figure.changePct === 0) return;
        const verdict =
          figure.verdict === 'better' || figure.verdict === 'worse' ? figure.verdict : 'other';
        drawArrow(doc, x + 0.86 * CONTENT - 10, y + 5, figure.changePct > 0, verdict);
      },
    );
  }
}

function chartsSection(doc: Doc, report: Report): void {
  // The heading, the charts and their labels stay on one page.
  if (doc.y > 600) doc.addPage();
  heading(doc, 'Traffic and latency (UTC)');
  const { requestsPerStep, responseTimeP95, stepMs } = report.charts;
  const unit = stepMs >= 86_400_000 ? 'day' : 'hour';
  const label = (points: typeof requestsPerStep, at: 'first' | 'last') => {
    const point = at === 'first' ? points[0] : points.at(-1);
    return point === undefined
      ? ''
      : new Date(point.t).toISOString().slice(0, 16).replace('T', ' ');
  };
  const labels = (points: typeof requestsPerStep): [string, string] => [
    label(points, 'first'),
    label(points, 'last'),
  ];
  const top = doc.y + 18;
  const width = CONTENT / 2 - 30;
  drawBarChart(
    doc,
    { x: MARGIN + 34, y: top, width, height: 90 },
    `Requests per ${unit}`,
    requestsPerStep,
    labels(requestsPerStep),
  );
  drawLineChart(
    doc,
    { x: MARGIN + CONTENT / 2 + 34, y: top, width, height: 90 },
    `p95 response time per ${unit} (ms)`,
    responseTimeP95,
    labels(responseTimeP95),
  );
  doc.x = MARGIN;
  doc.y = top + 110;
}

function detailSections(doc: Doc, report: Report): void {
  heading(doc, 'Slowest operations (by p95)');
  table(
    doc,
    ['Endpoint', 'Operation', 'Requests', 'p50', 'p95', 'p99'],
    report.slowestOperations.map((op) => [
      op.endpoint,
      op.operation,
      formatFigure(op.requests, ''),
      formatFigure(op.p50Ms, 'ms'),
      formatFigure(op.p95Ms, 'ms'),
      formatFigure(op.p99Ms, 'ms'),
    ]),
    [0.2, 0.32, 0.12, 0.12, 0.12, 0.12],
  );
  heading(doc, 'Alerts');
  const { alerts } = report;
  doc.text(
    `${alerts.total} fired. ${alerts.bySeverity.map((s) => `${s.severity}: ${s.count}`).join(', ') || 'None by severity.'} ` +
      `Mean time to acknowledge: ${formatMeanTime(alerts.meanTimeToAcknowledgeMs)}; to resolve: ${formatMeanTime(alerts.meanTimeToResolveMs)}.`,
    MARGIN,
    doc.y,
    { width: CONTENT },
  );
  if (alerts.topRules.length > 0) {
    doc.moveDown(0.3);
    table(
      doc,
      ['Rule', 'Times fired'],
      alerts.topRules.map((rule) => [rule.name, String(rule.count)]),
      [0.7, 0.3],
    );
  }
  heading(doc, 'Budgets');
  table(
    doc,
    ['Figure', 'Budget', 'Value', 'Status'],
    report.budgets.map((budget) => [
      budget.label,
      `${budget.direction === 'lower' ? '<=' : '>='} ${formatFigure(budget.limit, budget.unit)}`,
      formatFigure(budget.value, budget.unit),
      budget.status,
    ]),
    [0.4, 0.2, 0.2, 0.2],
  );
  heading(doc, 'Regressions and suggestions');
  const findings = [
    ...report.regressions.map((r) => `${r.metric}: ${r.description}`),
    ...report.suggestions.map((s) => `${s.title}: ${s.detail}`),
  ];
  doc.text(
    findings.length === 0 ? 'None found for this period.' : findings.join('\n'),
    MARGIN,
    doc.y,
    { width: CONTENT },
  );
  heading(doc, 'Recommendations');
  const actions =
    report.recommendations.length === 0 ? ['Nothing to act on.'] : report.recommendations;
  doc.list(actions, MARGIN, doc.y, { width: CONTENT, bulletRadius: 1.5 });
}

/** Renders a report as an A4 PDF: a title page, then figures, charts and tables. */
export function renderReportPdf(report: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: reportTitle(report), Author: 'Taurine', Subject: report.headline },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  titlePage(doc, report);
  doc.addPage();
  figuresSection(doc, report);
  chartsSection(doc, report);
  detailSections(doc, report);
  doc.end();
  return done;
}
