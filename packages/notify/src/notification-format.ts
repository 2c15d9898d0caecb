/** Formats a metric value for humans: up to 6 significant digits, `n/a` when unknown. */
export function formatMetricValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return String(Number(value.toPrecision(6)));
}

/** Formats an epoch-ms instant as ISO 8601 UTC. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** `12.5 (threshold 5)`, or just the value when there is no threshold. */
export function formatValueWithThreshold(value: number | null, threshold: number | null): string {
  const shown = formatMetricValue(value);
  return threshold === null ? shown : `${shown} (threshold ${formatMetricValue(threshold)})`;
}

/** Cuts a text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
