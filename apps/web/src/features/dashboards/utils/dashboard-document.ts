import type {
  DashboardDocument,
  DashboardPanel,
  PanelKind,
  PanelQuery,
  Threshold,
} from '@taurine/monitor';

export type { DashboardDocument, DashboardPanel, PanelKind, PanelQuery, Threshold };

/** What each panel kind is called in the editor. */
export const PANEL_KIND_LABELS: Readonly<Record<PanelKind, string>> = {
  stat: 'Stat',
  timeseries: 'Time series',
  table: 'Table',
  bargauge: 'Bar gauge',
  heatmap: 'Heatmap',
  alertlist: 'Alert list',
  text: 'Text',
};

/** The windows a dashboard can show, as the server names them. */
export const TIME_RANGES = ['5m', '15m', '1h', '6h', '24h', '7d'] as const;

/** `1h` → the GraphQL `StatsWindow` value `LAST_1H`. */
export const windowArg = (range: string) =>
  `LAST_${range.toUpperCase()}` as
    'LAST_1H' | 'LAST_5M' | 'LAST_15M' | 'LAST_6H' | 'LAST_24H' | 'LAST_7D';

/** A query on `metric` (p95 by default). */
export const newQuery = (metric = 'api.responseTime'): PanelQuery => ({
  metric,
  stat: 'p95',
  tags: [],
  groupBy: null,
  label: null,
});

/** A panel id not used in `document`. */
function freshPanelId(document: DashboardDocument): string {
  const taken = new Set(document.panels.map((panel) => panel.id));
  for (let n = document.panels.length + 1; ; n++) {
    if (!taken.has(`panel-${n}`)) return `panel-${n}`;
  }
}

/** A new panel of `kind` below the others, half the grid wide. */
export function newPanel(document: DashboardDocument, kind: PanelKind): DashboardPanel {
  const bottom = Math.max(0, ...document.panels.map((panel) => panel.grid.y + panel.grid.h));
  return {
    id: freshPanelId(document),
    kind,
    title: PANEL_KIND_LABELS[kind],
    grid: { x: 0, y: bottom, w: kind === 'stat' ? 6 : 12, h: kind === 'stat' ? 4 : 8 },
    queries: kind === 'text' || kind === 'alertlist' ? [] : [newQuery()],
    options: {
      thresholds: [],
      sparkline: kind === 'stat',
      stacked: false,
      max: null,
      markdown: kind === 'text' ? '## Notes\n\nWrite **Markdown** here.' : '',
    },
  };
}

/** An empty dashboard. */
export const emptyDocument = (title = 'New dashboard'): DashboardDocument => ({
  title,
  description: '',
  tags: [],
  timeRange: '1h',
  refreshSeconds: 0,
  variables: [],
  panels: [],
});

/** The document with one panel replaced (by id). */
export const withPanel = (
  document: DashboardDocument,
  panel: DashboardPanel,
): DashboardDocument => ({
  ...document,
  panels: document.panels.map((entry) => (entry.id === panel.id ? panel : entry)),
});

/** The server sends documents as JSON values; the SPA reads them as documents it validated. */
export const asDocument = (value: unknown): DashboardDocument => value as DashboardDocument;

/**
 * Reads an exported file: the document itself, or an export wrapper `{ document, visibility }`.
 * The server checks it on save; this only refuses what is not JSON or not an object.
 */
export function parseImport(text: string): DashboardDocument | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The file is not JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'The file holds no dashboard.';
  }
  const record = value as Record<string, unknown>;
  const inner = record['document'];
  const document = typeof inner === 'object' && inner !== null ? inner : value;
  if (typeof (document as Record<string, unknown>)['title'] !== 'string') {
    return 'The dashboard in the file has no title.';
  }
  return document as DashboardDocument;
}

/** The colour a value takes under thresholds (lowest first): the last one it reaches. */
export function thresholdColor(
  value: number | null,
  thresholds: readonly Threshold[],
): string | null {
  if (value === null) return null;
  let color: string | null = null;
  for (const threshold of thresholds) if (value >= threshold.value) color = threshold.color;
  return color;
}
