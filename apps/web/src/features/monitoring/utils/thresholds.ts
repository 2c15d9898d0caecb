/**
 * Where the dashboard draws its threshold bands: the built-in alert rules (ARCHITECTURE.md,
 * "Alerts"). `above: true` means values above the threshold are bad.
 */
export interface ChartThreshold {
  value: number;
  above: boolean;
  severity: 'warning' | 'error' | 'critical';
  label: string;
}

export const DASHBOARD_THRESHOLDS = {
  responseTimeP95Ms: { value: 2000, above: true, severity: 'error', label: 'p95 > 2 s (error)' },
  errorRate: {
    value: 0.05,
    above: true,
    severity: 'critical',
    label: 'error rate > 5 % (critical)',
  },
  heapUsedRatio: {
    value: 0.8,
    above: true,
    severity: 'warning',
    label: 'heap > 80 % of limit (warning)',
  },
  cacheHitRate: {
    value: 0.5,
    above: false,
    severity: 'warning',
    label: 'hit rate < 50 % (warning)',
  },
  healthScore: { value: 40, above: false, severity: 'error', label: 'health < 40 (error)' },
} as const satisfies Record<string, ChartThreshold>;
