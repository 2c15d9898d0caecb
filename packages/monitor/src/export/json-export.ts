import type { Tags } from '../metrics/tag-set.ts';
import type { ExportRow } from './export-row.ts';

/** Version of the JSON export format. */
export const JSON_EXPORT_VERSION = '1.0';

/** One metric value of the JSON export. */
export interface JsonExportMetric {
  /** ISO 8601. */
  timestamp: string;
  name: string;
  value: number;
  tags: Tags;
}

/** The JSON export document. */
export interface JsonExport {
  /** When the export was made, ISO 8601. */
  timestamp: string;
  version: string;
  metrics: JsonExportMetric[];
}

/** Rows as the JSON export document `{ timestamp, version, metrics: [...] }`. */
export function toJsonExport(
  rows: readonly ExportRow[],
  now: number,
  version: string = JSON_EXPORT_VERSION,
): JsonExport {
  return {
    timestamp: new Date(now).toISOString(),
    version,
    metrics: rows.map((row) => ({
      timestamp: new Date(row.timestamp).toISOString(),
      name: row.metricName,
      value: row.value,
      tags: row.tags,
    })),
  };
}
