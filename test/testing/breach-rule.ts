/** The `AlertRuleInput` fields of {@link breachRule}, as GraphQL takes them. */
// A type alias, not an interface: it must pass where GraphQL variables (`Record<string, unknown>`) go.
export type BreachRuleInput = {
  id: string;
  name: string;
  metric: 'api.responseTime';
  stat: 'P95';
  window: 'LAST_5M';
  comparison: 'GT';
  threshold: number;
  severity: 'WARNING';
  forMs: number;
  noDataState: 'OK' | 'NO_DATA';
};

/**
 * An alert rule that fires at the first collection tick with any traffic (API p95 above 0 ms),
 * for tests that need a notification on demand. `noDataState: 'NO_DATA'` keeps it from resolving
 * in a restarted process that has no samples yet.
 */
export function breachRule(
  id: string,
  options: { name?: string; noDataState?: 'OK' | 'NO_DATA' } = {},
): BreachRuleInput {
  return {
    id,
    name: options.name ?? 'API p95 above 0 ms',
    metric: 'api.responseTime',
    stat: 'P95',
    window: 'LAST_5M',
    comparison: 'GT',
    threshold: 0,
    severity: 'WARNING',
    forMs: 0,
    noDataState: options.noDataState ?? 'OK',
  };
}
