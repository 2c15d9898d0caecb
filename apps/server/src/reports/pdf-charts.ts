import type { ReportPoint } from '@taurine/monitor';

/** The subset of a pdfkit document the charts draw with. */
type Doc = PDFKit.PDFDocument;

/** Where a chart goes on the page, in points. */
export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const AXIS = '#888888';
const INK = '#333333';

/** Title above the box and the axes; returns the largest value (1 when there is none). */
function frame(doc: Doc, box: ChartBox, title: string, points: readonly ReportPoint[]): number {
  doc
    .fontSize(9)
    .fillColor(INK)
    .text(title, box.x, box.y - 14, { width: box.width });
  doc
    .moveTo(box.x, box.y)
    .lineTo(box.x, box.y + box.height)
    .lineTo(box.x + box.width, box.y + box.height)
    .lineWidth(0.5)
    .strokeColor(AXIS)
    .stroke();
  const max = Math.max(0, ...points.map((point) => point.value ?? 0));
  doc
    .fontSize(7)
    .fillColor(AXIS)
    .text(max === 0 ? '0' : max.toPrecision(3), box.x - 34, box.y - 3, {
      width: 30,
      align: 'right',
    })
    .text('0', box.x - 34, box.y + box.height - 6, { width: 30, align: 'right' });
  return max === 0 ? 1 : max;
}

/** Start and end labels under the x axis. */
function timeLabels(doc: Doc, box: ChartBox, first: string, last: string): void {
  doc
    .fontSize(7)
    .fillColor(AXIS)
    .text(first, box.x, box.y + box.height + 3, { width: box.width / 2 })
    .text(last, box.x + box.width / 2, box.y + box.height + 3, {
      width: box.width / 2,
      align: 'right',
    });
}

/** A bar per point (e.g. requests per hour), drawn with pdfkit's vector API. */
export function drawBarChart(
  doc: Doc,
  box: ChartBox,
  title: string,
  points: readonly ReportPoint[],
  labels: [string, string],
  color = '#3b6fb6',
): void {
  const max = frame(doc, box, title, points);
  const slot = box.width / Math.max(points.length, 1);
  points.forEach((point, index) => {
    if (point.value === null || point.value <= 0) return;
    const height = (point.value / max) * box.height;
    doc
      .rect(box.x + index * slot + slot * 0.15, box.y + box.height - height, slot * 0.7, height)
      .fillColor(color)
      .fill();
  });
  timeLabels(doc, box, ...labels);
}

/**
 * A line through the points with data (gaps where there is none); a point with no neighbour
 * holding data, such as the one hour of a fresh server, is drawn as a dot.
 */
export function drawLineChart(
  doc: Doc,
  box: ChartBox,
  title: string,
  points: readonly ReportPoint[],
  labels: [string, string],
  color = '#c0392b',
): void {
  const max = frame(doc, box, title, points);
  const step = box.width / Math.max(points.length - 1, 1);
  const hasValue = (index: number) => (points[index]?.value ?? null) !== null;
  const dots: { x: number; y: number }[] = [];
  let drawing = false;
  points.forEach((point, index) => {
    if (point.value === null) {
      drawing = false;
      return;
    }
    const x = box.x + index * step;
    const y = box.y + box.height - (point.value / max) * box.height;
    if (drawing) doc.lineTo(x, y);
    else doc.moveTo(x, y);
    drawing = true;
    if (!hasValue(index - 1) && !hasValue(index + 1)) dots.push({ x, y });
  });
  doc.lineWidth(1.2).strokeColor(color).stroke();
  doc.save();
  for (const dot of dots) doc.circle(dot.x, dot.y, 2).fillColor(color).fill();
  doc.restore();
  timeLabels(doc, box, ...labels);
}

/** A small triangle: up or down, green when better, red when worse, grey otherwise. */
export function drawArrow(
  doc: Doc,
  x: number,
  y: number,
  up: boolean,
  verdict: 'better' | 'worse' | 'other',
): void {
  const color = verdict === 'better' ? '#1e8449' : verdict === 'worse' ? '#c0392b' : '#7f8c8d';
  const size = 4;
  if (up) doc.polygon([x, y + size], [x + size, y + size], [x + size / 2, y]);
  else doc.polygon([x, y], [x + size, y], [x + size / 2, y + size]);
  doc.fillColor(color).fill();
}
