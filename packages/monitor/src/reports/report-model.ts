import type { ReportPeriod } from './report-period.ts';

/** Which way a figure should move: up (availability), down (latency), or neither (traffic). */
export type FigureDirection = 'higher' | 'lower' | 'neutral';

/** A figure's change judged against its direction; `none` when either side has no data. */
export type FigureVerdict = 'better' | 'worse' | 'unchanged' | 'neutral' | 'none';

/** Sections of the summary, in display order. */
export type FigureGroup = 'service' | 'cache' | 'webVitals' | 'business';

/** One figure of the period beside the previous period's. Ratios are 0..1 (`unit: 'ratio'`). */
export interface ReportFigure {
  key: string;
  label: string;
  group: FigureGroup;
  /** The metric's unit (`ms`, `ratio`, `req/s`, empty for counts): format with `@taurine/units`. */
  unit: string;
  direction: FigureDirection;
  value: number | null;
  previous: number | null;
  /** (value − previous) / |previous| × 100; null without both or when previous is 0. */
  changePct: number | null;
  verdict: FigureVerdict;
}

/** One endpoint and operation, ranked by p95 response time. */
export interface ReportOperation {
  endpoint: string;
  operation: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** Alerts that fired during the period. */
export interface ReportAlerts {
  total: number;
  bySeverity: { severity: string; count: number }[];
  /** Mean time from firing to acknowledgement of those acknowledged; null when none. */
  meanTimeToAcknowledgeMs: number | null;
  /** Mean time from firing to resolution of those resolved; null when none. */
  meanTimeToResolveMs: number | null;
  /** Rules that fired most, most first. */
  topRules: { ruleId: string; name: string; count: number }[];
}

/** A limit a figure should keep within, and whether it did. */
export interface ReportBudget {
  key: string;
  label: string;
  unit: string;
  /** The figure must stay at or below (`lower`) or at or above (`higher`) this. */
  limit: number;
  direction: 'higher' | 'lower';
  value: number | null;
  status: 'met' | 'missed' | 'no-data';
}

/** One point of a chart: bucket start (epoch ms) and its value, null without data. */
export interface ReportPoint {
  t: number;
  value: number | null;
}

/** A regression found by the insight engine, open at some point of the period. */
export interface ReportRegression {
  metric: string;
  description: string;
  changePct: number | null;
}

/** An optimisation suggestion current when the report was made. */
export interface ReportSuggestion {
  title: string;
  detail: string;
}

/** What the report covers: the whole cluster (every instance's rollups) or one instance. */
export interface ReportScope {
  kind: 'cluster' | 'instance';
  instanceId: string | null;
}

/** Version of the report document; bump when a field changes meaning. */
export const REPORT_VERSION = 1;

/** The typed report: JSON as is, and the source of the CSV, the PDF, the email and the page. */
export interface Report {
  version: typeof REPORT_VERSION;
  generatedAt: number;
  period: ReportPeriod;
  scope: ReportScope;
  /** One sentence: availability, traffic, latency and alerts of the period. */
  headline: string;
  figures: ReportFigure[];
  slowestOperations: ReportOperation[];
  alerts: ReportAlerts;
  budgets: ReportBudget[];
  charts: { requestsPerStep: ReportPoint[]; responseTimeP95: ReportPoint[]; stepMs: number };
  /** Regressions open at some point of the period. */
  regressions: ReportRegression[];
  /** Optimisation suggestions when the report was made. */
  suggestions: ReportSuggestion[];
  /** What to do: the recommended actions of the rules that fired (or the defaults). */
  recommendations: string[];
}
