/** One line of a chart, with what the CSV needs to name it the way the server's export does. */
export interface ChartSeries {
  /** Stable id, also the React key and the tooltip row. */
  key: string;
  label: string;
  /** `metric.stat`, e.g. `api.responseTime.p95`, as the server's CSV names a row. */
  metricName: string;
  tags: Readonly<Record<string, string>>;
  /** CSS colour. */
  color: string;
  points: readonly { t: number; value: number | null }[];
}

const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;

/** Tags as `key=value;key=value`, sorted by key, as the server writes them. */
const formatTags = (tags: Readonly<Record<string, string>>) =>
  Object.keys(tags)
    .sort()
    .map((key) => `${key}=${tags[key]!}`)
    .join(';');

/**
 * The chart's points as CSV in the shape of the server's export (`GET /export.csv`): header
 * `"timestamp","metric_name","value","tags"`, every field quoted, ISO 8601 times, sorted by time,
 * one row per point with a value, a newline at the end.
 */
export function chartToCsv(series: readonly ChartSeries[]): string {
  const rows: { t: number; line: string }[] = [];
  for (const line of series) {
    const tags = formatTags(line.tags);
    for (const point of line.points) {
      if (point.value === null) continue;
      rows.push({
        t: point.t,
        line: [new Date(point.t).toISOString(), line.metricName, String(point.value), tags]
          .map(quote)
          .join(','),
      });
    }
  }
  rows.sort((a, b) => a.t - b.t);
  const header = ['timestamp', 'metric_name', 'value', 'tags'].map(quote).join(',');
  return `${[header, ...rows.map((row) => row.line)].join('\n')}\n`;
}

/** Points with a value, over all lines: what the CSV will hold. */
export const countPoints = (series: readonly ChartSeries[]): number =>
  series.reduce((sum, line) => sum + line.points.filter((p) => p.value !== null).length, 0);

/** Starts a download of `text` in the browser. */
export function downloadText(
  text: string,
  filename: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
