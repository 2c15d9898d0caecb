import {
  DASHBOARD_LIMITS,
  MonitorError,
  WINDOW_DURATIONS,
  resolveQueryTags,
} from '@taurine/monitor';
import type {
  DashboardDocument,
  DashboardPanel,
  Heatmap,
  MetricsRegistry,
  PanelQuery,
  SeriesPoint,
  StatName,
  Tags,
  VariableValues,
  WindowName,
} from '@taurine/monitor';
import type { AlertRecord } from '@taurine/store';

/** One series of a panel: a query, or one group of a grouped query. */
export interface PanelSeriesData {
  /** Index of the query in the panel. */
  query: number;
  label: string;
  /** The group-by tag's value; null for an ungrouped query. */
  group: string | null;
  stat: StatName;
  unit: string;
  /** The statistic over the whole window: what `stats` returns for the same query. */
  value: number | null;
  /** The statistic per step (time series, stat sparklines); empty for other kinds. */
  points: SeriesPoint[];
}

/** What one panel shows. */
export interface PanelData {
  panelId: string;
  series: PanelSeriesData[];
  heatmap: (Heatmap & { unit: string }) | null;
  alerts: AlertRecord[];
  /** Why the panel has no data (a query the registry refused); null when it has. */
  error: string | null;
}

/** What a panel batch reads from. */
export interface PanelDataSources {
  registry: MetricsRegistry;
  /** Open alerts (pending, firing, acknowledged), newest first. */
  openAlerts: () => Promise<AlertRecord[]>;
  now: () => number;
}

/** Value bands of a heatmap panel. */
export const HEATMAP_BANDS = 12;

/** Chart points per window: about 60, whole minutes. */
export function stepFor(window: WindowName): number {
  const minutes = Math.max(1, Math.round(WINDOW_DURATIONS[window] / 60_000 / 60));
  return minutes * 60_000;
}

const needsPoints = (panel: DashboardPanel): boolean =>
  panel.kind === 'timeseries' || (panel.kind === 'stat' && panel.options.sparkline);

/** The tag sets a query reads: one, or one per value of its group-by tag (at most maxGroups). */
function groupsOf(registry: MetricsRegistry, query: PanelQuery, tags: Tags) {
  if (query.groupBy === null) return [{ group: null, tags }];
  const key = query.groupBy;
  const values = new Set<string>();
  for (const series of registry.listSeries(query.metric, tags)) {
    const value = series.name === query.metric ? series.tags[key] : undefined;
    if (value !== undefined) values.add(value);
  }
  return [...values]
    .sort()
    .slice(0, DASHBOARD_LIMITS.maxGroups)
    .map((value) => ({ group: value, tags: { ...tags, [key]: value } }));
}

function unitOf(registry: MetricsRegistry, metric: string): string {
  return registry.listSeries(metric).find((series) => series.name === metric)?.unit ?? '';
}

function readSeries(
  sources: PanelDataSources,
  panel: DashboardPanel,
  values: VariableValues,
  window: WindowName,
): PanelSeriesData[] {
  const { registry } = sources;
  const to = sources.now();
  const range = { from: to - WINDOW_DURATIONS[window], to };
  return panel.queries.flatMap((query, index) => {
    const unit = unitOf(registry, query.metric);
    return groupsOf(registry, query, resolveQueryTags(query, values)).map(({ group, tags }) => ({
      query: index,
      label: group ?? query.label ?? `${query.metric} ${query.stat}`,
      group,
      stat: query.stat,
      unit,
      value: registry.stats(query.metric, tags, window)[query.stat],
      points: needsPoints(panel)
        ? registry.series(query.metric, tags, range, stepFor(window), query.stat)
        : [],
    }));
  });
}

function readHeatmap(
  sources: PanelDataSources,
  query: PanelQuery,
  values: VariableValues,
  window: WindowName,
): PanelData['heatmap'] {
  const to = sources.now();
  const range = { from: to - WINDOW_DURATIONS[window], to };
  const tags = resolveQueryTags(query, values);
  const heatmap = sources.registry.heatmap(
    query.metric,
    tags,
    range,
    stepFor(window),
    HEATMAP_BANDS,
  );
  return { ...heatmap, unit: unitOf(sources.registry, query.metric) };
}

async function readPanel(
  sources: PanelDataSources,
  panel: DashboardPanel,
  values: VariableValues,
  window: WindowName,
): Promise<PanelData> {
  const data: PanelData = { panelId: panel.id, series: [], heatmap: null, alerts: [], error: null };
  try {
    if (panel.kind === 'text') return data;
    if (panel.kind === 'alertlist') return { ...data, alerts: await sources.openAlerts() };
    const first = panel.queries[0];
    if (panel.kind === 'heatmap' && first !== undefined) {
      return { ...data, heatmap: readHeatmap(sources, first, values, window) };
    }
    return { ...data, series: readSeries(sources, panel, values, window) };
  } catch (error) {
    if (error instanceof MonitorError) return { ...data, error: error.message };
    throw error;
  }
}

/**
 * The data of a dashboard's panels (those named in `panelIds`, or all), in panel order, in one
 * pass: what one dashboard load asks for. `window` overrides the document's time range.
 */
export function readPanels(
  sources: PanelDataSources,
  document: DashboardDocument,
  options: {
    values: VariableValues;
    window?: WindowName | undefined;
    panelIds?: readonly string[] | undefined;
  },
): Promise<PanelData[]> {
  const window = options.window ?? document.timeRange;
  const wanted = options.panelIds === undefined ? null : new Set(options.panelIds);
  const panels = document.panels.filter((panel) => wanted === null || wanted.has(panel.id));
  return Promise.all(panels.map((panel) => readPanel(sources, panel, options.values, window)));
}

/** The values a variable's picker offers: the tag's values seen on its metric, sorted. */
export function variableOptions(registry: MetricsRegistry, metric: string, tag: string): string[] {
  const values = new Set<string>();
  for (const series of registry.listSeries(metric)) {
    const value = series.name === metric ? series.tags[tag] : undefined;
    if (value !== undefined) values.add(value);
  }
  return [...values].sort().slice(0, 200);
}
