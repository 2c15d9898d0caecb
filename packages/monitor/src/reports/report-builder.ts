import { readFigures } from './report-figures.ts';
import type { ReportStatsSource } from './report-figures.ts';
import { REPORT_VERSION } from './report-model.ts';
import type {
  Report,
  ReportAlerts,
  ReportBudget,
  ReportFigure,
  ReportOperation,
  ReportRegression,
  ReportScope,
  ReportSuggestion,
} from './report-model.ts';
import type { ReportPeriod } from './report-period.ts';

/** Operations listed as the slowest. */
export const SLOWEST_OPERATIONS = 5;
/** Rules listed as firing most. */
export const TOP_RULES = 5;

/** An alert episode as a report reads it (an `Alert` from the alerting lifecycle fits). */
export interface ReportAlertInput {
  ruleId: string;
  ruleName: string;
  severity: string;
  firingSince: number | null;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
}

/** A budget to check: the figure `key` must stay at or below / at or above `limit`. */
export interface ReportBudgetDefinition {
  key: string;
  limit: number;
  direction: 'higher' | 'lower';
}

/** What {@link buildReport} needs; nothing here is read from outside. */
export interface ReportInputs {
  source: ReportStatsSource;
  period: ReportPeriod;
  scope: ReportScope;
  generatedAt: number;
  /** Alert episodes; those whose firing started inside the period are counted. */
  alerts: readonly ReportAlertInput[];
  budgets: readonly ReportBudgetDefinition[];
  /** What to do, given the rules that fired and the budgets missed (figure keys). */
  recommendations: (context: { ruleIds: string[]; missedBudgets: string[] }) => string[];
  regressions?: readonly ReportRegression[] | undefined;
  suggestions?: readonly ReportSuggestion[] | undefined;
}

/** The slowest endpoint/operation pairs by p95 over the range. */
function slowestOperations(source: ReportStatsSource, range: { from: number; to: number }) {
  const rows: ReportOperation[] = source
    .seriesStats('api.responseTime', undefined, range)
    .filter(({ stats }) => stats.count > 0)
    .map(({ tags, stats }) => ({
      endpoint: tags['endpoint'] ?? '',
      operation: tags['operation'] ?? '',
      requests: stats.count,
      p50Ms: stats.p50,
      p95Ms: stats.p95,
      p99Ms: stats.p99,
    }));
  return rows.sort((a, b) => (b.p95Ms ?? 0) - (a.p95Ms ?? 0)).slice(0, SLOWEST_OPERATIONS);
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** Counts, response times and top rules of the alerts that started firing in the period. */
export function summariseAlerts(
  alerts: readonly ReportAlertInput[],
  period: { from: number; to: number },
): ReportAlerts {
  const fired = alerts.filter(
    (alert) =>
      alert.firingSince !== null &&
      alert.firingSince >= period.from &&
      alert.firingSince < period.to,
  );
  const bySeverity = new Map<string, number>();
  const byRule = new Map<string, { ruleId: string; name: string; count: number }>();
  const toAck: number[] = [];
  const toResolve: number[] = [];
  for (const alert of fired) {
    const since = alert.firingSince ?? 0;
    bySeverity.set(alert.severity, (bySeverity.get(alert.severity) ?? 0) + 1);
    const rule = byRule.get(alert.ruleId) ?? {
      ruleId: alert.ruleId,
      name: alert.ruleName,
      count: 0,
    };
    rule.count += 1;
    byRule.set(alert.ruleId, rule);
    if (alert.acknowledgedAt !== null) toAck.push(alert.acknowledgedAt - since);
    if (alert.resolvedAt !== null) toResolve.push(alert.resolvedAt - since);
  }
  return {
    total: fired.length,
    bySeverity: [...bySeverity].map(([severity, count]) => ({ severity, count })),
    meanTimeToAcknowledgeMs: mean(toAck),
    meanTimeToResolveMs: mean(toResolve),
    topRules: [...byRule.values()].sort((a, b) => b.count - a.count).slice(0, TOP_RULES),
  };
}

/** Checks each budget against the period's figure of the same key. */
export function checkBudgets(
  figures: readonly ReportFigure[],
  budgets: readonly ReportBudgetDefinition[],
): ReportBudget[] {
  return budgets.flatMap((budget) => {
    const figure = figures.find((candidate) => candidate.key === budget.key);
    if (figure === undefined) return [];
    const { value } = figure;
    const met =
      value === null
        ? null
        : budget.direction === 'lower'
          ? value <= budget.limit
          : value >= budget.limit;
    return [
      {
        ...budget,
        label: figure.label,
        unit: figure.unit,
        value,
        status: met === null ? 'no-data' : met ? 'met' : 'missed',
      },
    ];
  });
}

function headlineOf(figures: readonly ReportFigure[], alerts: ReportAlerts): string {
  const value = (key: string) => figures.find((figure) => figure.key === key)?.value ?? null;
  const availability = value('availability');
  const requests = value('requests') ?? 0;
  const p95 = value('responseTime.p95');
  return (
    [
      availability === null
        ? 'Availability: no data'
        : `Availability ${(availability * 100).toFixed(2)} %`,
      `${Math.round(requests).toLocaleString('en-US')} requests`,
      p95 === null ? 'p95 response time: no data' : `p95 response time ${p95.toFixed(1)} ms`,
      `${alerts.total} alert${alerts.total === 1 ? '' : 's'} fired`,
    ].join(', ') + '.'
  );
}

/**
 * Builds the report of a period from the registry's statistics: the very queries `stats` answers,
 * so every figure equals `stats` over the same range. Pure: the caller passes every input.
 */
export function buildReport(inputs: ReportInputs): Report {
  const { source, period } = inputs;
  const current = { from: period.from, to: period.to };
  const figures = readFigures(source, current, {
    from: period.previousFrom,
    to: period.previousTo,
  });
  const alerts = summariseAlerts(inputs.alerts, current);
  const stepMs = period.to - period.from <= 36 * 3_600_000 ? 3_600_000 : 86_400_000;
  const budgets = checkBudgets(figures, inputs.budgets);
  return {
    version: REPORT_VERSION,
    generatedAt: inputs.generatedAt,
    period,
    scope: inputs.scope,
    headline: headlineOf(figures, alerts),
    figures,
    slowestOperations: slowestOperations(source, current),
    alerts,
    budgets,
    charts: {
      stepMs,
      requestsPerStep: source.series('api.requests', undefined, current, stepMs, 'sum'),
      responseTimeP95: source.series('api.responseTime', undefined, current, stepMs, 'p95'),
    },
    regressions: [...(inputs.regressions ?? [])],
    suggestions: [...(inputs.suggestions ?? [])],
    recommendations: inputs.recommendations({
      ruleIds: alerts.topRules.map((rule) => rule.ruleId),
      missedBudgets: budgets.filter((budget) => budget.status === 'missed').map((b) => b.key),
    }),
  };
}
