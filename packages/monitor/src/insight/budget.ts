import { isValidMetricName } from '../metrics/metric-name.ts';
import type { StatName } from '../metrics/metric-stats.ts';
import type { Tags } from '../metrics/tag-set.ts';
import type { WindowName } from '../metrics/windows.ts';

/** Where a budget stands: within it, close to its limit, past it, or nothing to judge. */
export const BUDGET_STATUSES = ['within', 'at_risk', 'over', 'no_data'] as const;

/** A budget's status. */
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** A performance budget: a statistic of a metric over a window kept under (or above) a limit. */
export interface Budget {
  id: string;
  name: string;
  metric: string;
  tags: Tags;
  statistic: StatName;
  window: WindowName;
  /** The limit, in the metric's unit. */
  limit: number;
  /** `max`: the value must stay at or under the limit (latency); `min`: at or above (hit rate). */
  kind: 'max' | 'min';
  /** Share of the limit where a budget turns `at_risk` (0.9: within 10 % of it). */
  atRiskRatio: number;
}

/** A budget as defaults or an admin give it, before it has an id. */
export type BudgetDefinition = Omit<Budget, 'id'>;

/**
 * The specification's budgets, as data: Web Vitals at p75 (Google's "good" limits), API p95,
 * the SPA's JavaScript, memory and the cache hit rate.
 */
export const DEFAULT_BUDGETS: readonly BudgetDefinition[] = [
  { name: 'LCP p75', metric: 'webvitals.LCP', statistic: 'p75', limit: 2500 },
  { name: 'INP p75', metric: 'webvitals.INP', statistic: 'p75', limit: 200 },
  { name: 'CLS p75', metric: 'webvitals.CLS', statistic: 'p75', limit: 0.1 },
  { name: 'FCP p75', metric: 'webvitals.FCP', statistic: 'p75', limit: 1800 },
  { name: 'TTFB p75', metric: 'webvitals.TTFB', statistic: 'p75', limit: 800 },
  { name: 'API p95', metric: 'api.responseTime', statistic: 'p95', limit: 500 },
  { name: 'SPA JavaScript (gzip)', metric: 'web.bundleGzipSize', statistic: 'last', limit: 500 },
  { name: 'Heap use', metric: 'process.heapUsedRatio', statistic: 'avg', limit: 0.8 },
  { name: 'Cache hit rate', metric: 'cache.hitRate', statistic: 'avg', limit: 0.8, kind: 'min' },
].map((budget) => ({
  tags: {},
  window: budget.statistic === 'last' ? '24h' : '1h',
  kind: 'max',
  atRiskRatio: 0.9,
  ...budget,
})) as readonly BudgetDefinition[];

/**
 * The status of a budget for `value` (pure): `over` past the limit, `at_risk` past
 * `atRiskRatio` of it (for a `min` budget: below the limit divided by the ratio), else `within`;
 * `no_data` for null.
 */
export function budgetStatus(
  budget: Pick<Budget, 'limit' | 'kind' | 'atRiskRatio'>,
  value: number | null,
): BudgetStatus {
  if (value === null || !Number.isFinite(value)) return 'no_data';
  if (budget.kind === 'max') {
    if (value > budget.limit) return 'over';
    return value > budget.limit * budget.atRiskRatio ? 'at_risk' : 'within';
  }
  if (value < budget.limit) return 'over';
  return value < budget.limit / budget.atRiskRatio ? 'at_risk' : 'within';
}

/** Status code of a budget for the `insight.budget` gauge (alert rules compare it). */
export const BUDGET_STATUS_CODE: Readonly<Record<BudgetStatus, number>> = {
  no_data: -1,
  within: 0,
  at_risk: 1,
  over: 2,
};

/** The checks of a budget's fields: the message of the first problem, or null. */
export function budgetProblem(budget: BudgetDefinition): { field: string; message: string } | null {
  if (budget.name.trim() === '' || budget.name.length > 100)
    return { field: 'name', message: 'must be 1 to 100 characters' };
  if (!isValidMetricName(budget.metric))
    return { field: 'metric', message: 'must be a metric name such as api.responseTime' };
  if (!Number.isFinite(budget.limit)) return { field: 'limit', message: 'must be a finite number' };
  if (!(budget.atRiskRatio > 0 && budget.atRiskRatio <= 1))
    return { field: 'atRiskRatio', message: 'must be in (0, 1]' };
  return null;
}
