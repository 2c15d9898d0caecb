import type { ExportRow } from './export-row.ts';

/** Header of the CSV export, as the original application wrote it. */
export const CSV_EXPORT_HEADER = ['timestamp', 'metric_name', 'value', 'tags'] as const;

/** Quotes a CSV field: always quoted, inner quotes doubled (RFC 4180). */
export function quoteCsvField(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

/** Tags as `key=value;key=value`, in canonical (sorted) order. */
export function formatCsvTags(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(';');
}

/**
 * Rows as CSV: header `"timestamp","metric_name","value","tags"`, every field quoted, timestamps in
 * ISO 8601, one row per line (`\n`), ending with a newline.
 */
export function toCsvExport(rows: readonly ExportRow[]): string {
  const lines = [CSV_EXPORT_HEADER.map(quoteCsvField).join(',')];
  for (const row of rows) {
    lines.push(
      [
        new Date(row.timestamp).toISOString(),
        row.metricName,
        String(row.value),
        formatCsvTags(row.tags),
      ]
        .map(quoteCsvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
