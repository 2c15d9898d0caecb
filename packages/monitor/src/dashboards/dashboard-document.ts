import type { StatName } from '../metrics/metric-stats.ts';
import type { WindowName } from '../metrics/windows.ts';

/** The kinds of panel a dashboard can hold. */
export const PANEL_KINDS = [
  'stat',
  'timeseries',
  'table',
  'bargauge',
  'heatmap',
  'alertlist',
  'text',
] as const;

/** A panel kind (see {@link PANEL_KINDS}). */
export type PanelKind = (typeof PANEL_KINDS)[number];

/** Threshold colours a panel may use (named, so the SPA maps them onto its theme). */
export const THRESHOLD_COLORS = ['green', 'yellow', 'orange', 'red', 'blue'] as const;

/** A threshold colour. */
export type ThresholdColor = (typeof THRESHOLD_COLORS)[number];

/** Bounds on a dashboard document; a document beyond them is refused. */
export const DASHBOARD_LIMITS = {
  /** Columns of the grid (Grafana's 24). */
  gridColumns: 24,
  maxGridRows: 1000,
  maxPanelHeight: 40,
  maxPanels: 50,
  maxQueriesPerPanel: 8,
  maxVariables: 10,
  maxTags: 10,
  maxTextLength: 200,
  maxDescriptionLength: 2000,
  maxMarkdownLength: 20_000,
  maxThresholds: 10,
  /** Series a grouped query returns at most (the rest are dropped, largest first kept). */
  maxGroups: 20,
  maxRefreshSeconds: 86_400,
} as const;

/** Refresh intervals shorter than this are refused (0 means never). */
export const MIN_REFRESH_SECONDS = 5;

/**
 * A panel's query: a metric, a statistic, tag filters and an optional group-by tag. A filter value
 * `$name` is replaced by the current value of the variable `name` (left out when it is `*`).
 */
export interface PanelQuery {
  metric: string;
  stat: StatName;
  /** Tag filters as key/value pairs. */
  tags: { key: string; value: string }[];
  /** One series (or row) per value of this tag; null for one merged series. */
  groupBy: string | null;
  /** Legend text; defaults to the metric and stat. */
  label: string | null;
}

/** Where a panel sits on the grid, in grid columns (24 across) and rows. */
export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A threshold: from `value` up, the panel shows `color`. */
export interface Threshold {
  value: number;
  color: ThresholdColor;
}

/** Options a panel kind reads; the others are ignored. */
export interface PanelOptions {
  /** Stat, bar gauge: colour steps, lowest first. */
  thresholds: Threshold[];
  /** Stat: draw the series behind the figure. */
  sparkline: boolean;
  /** Time series: stack the queries' series. */
  stacked: boolean;
  /** Bar gauge: the value a full bar stands for; null for the largest value shown. */
  max: number | null;
  /** Text: Markdown, rendered without raw HTML. */
  markdown: string;
}

/** One panel of a dashboard. */
export interface DashboardPanel {
  /** Unique within the dashboard (used in embed URLs, `?panel=`). */
  id: string;
  kind: PanelKind;
  title: string;
  grid: GridPos;
  queries: PanelQuery[];
  options: PanelOptions;
}

/** A variable: a picker over the values of `tag` seen on `metric`. */
export interface DashboardVariable {
  /** Referenced as `$name` in filter values. */
  name: string;
  metric: string;
  tag: string;
  /** The value picked at first; `*` for all. */
  defaultValue: string;
}

/** A dashboard's document: everything a save stores and an export writes. */
export interface DashboardDocument {
  title: string;
  description: string;
  tags: string[];
  /** The window the panels read, ending now. */
  timeRange: WindowName;
  /** Seconds between refreshes; 0 for never. */
  refreshSeconds: number;
  variables: DashboardVariable[];
  panels: DashboardPanel[];
}

/** The value of a variable that means "every value": the filter is left out. */
export const ALL_VALUES = '*';
