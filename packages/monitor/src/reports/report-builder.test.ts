import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { STANDARD } from '../testing/registry-harness.ts';
import { createMetricsRegistry } from '../metrics/metrics-registry.ts';
import { buildReport } from './report-builder.ts';
import { toReportCsv } from './report-csv.ts';
import { resolveReportPeriod } from './report-period.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-04-02T00:00:00Z');

function reportAfterTwoDays() {
  const clock = createManualClock(T0 - DAY + 3_600_000);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD });
  // Yesterday: 10 requests of 100 ms, 1 server error. Today: 20 requests of 50 ms, no error.
  for (let i = 0; i < 10; i++) {
    registry.distribution('api.responseTime', 100, { endpoint: '/graphql', operation: 'a' });
    registry.counter('api.requests', 1, { endpoint: '/graphql' });
  }
  registry.counter('api.errors', 1, { type: 'server' });
  clock.set(T0 + 3_600_000);
  for (let i = 0; i < 20; i++) {
    registry.distribution('api.responseTime', 50, { endpoint: '/graphql', operation: 'b' });
    registry.counter('api.requests', 1, { endpoint: '/graphql' });
  }
  registry.counter('cache.lookups', 3, { tier: 'memory', outcome: 'hit' });
  registry.counter('cache.lookups', 1, { tier: 'memory', outcome: 'miss' });
  clock.set(T0 + 2 * 3_600_000);
  const period = resolveReportPeriod({ kind: 'day', at: T0 + 60_000, timeZone: 'UTC' });
  return buildReport({
    source: registry,
    period,
    scope: { kind: 'instance', instanceId: 'a' },
    generatedAt: clock.now(),
    alerts: [
      {
        ruleId: 'r1',
        ruleName: 'Slow',
        severity: 'warning',
        firingSince: T0 + 1000,
        acknowledgedAt: T0 + 61_000,
        resolvedAt: T0 + 121_000,
      },
      {
        ruleId: 'r2',
        ruleName: 'Old',
        severity: 'critical',
        firingSince: T0 - 5000,
        acknowledgedAt: null,
        resolvedAt: null,
      },
    ],
    budgets: [{ key: 'responseTime.p95', limit: 60, direction: 'lower' }],
    recommendations: ({ ruleIds }) => ruleIds.map((id) => `look at ${id}`),
  });
}

describe('buildReport', () => {
  it('reads the period and the previous one, and judges each change by its direction', () => {
    const report = reportAfterTwoDays();
    const figure = (key: string) => report.figures.find((f) => f.key === key)!;
    expect(figure('requests')).toMatchObject({
      value: 20,
      previous: 10,
      changePct: 100,
      verdict: 'neutral',
    });
    expect(figure('errorRate')).toMatchObject({ value: 0, previous: 0.1, verdict: 'better' });
    expect(figure('responseTime.p95').verdict).toBe('better');
    expect(figure('responseTime.p95').value).toBeCloseTo(50, 0);
    expect(figure('cacheHitRate.memory').value).toBe(0.75);
    expect(figure('cacheHitRate.redis').value).toBeNull();
    expect(report.slowestOperations[0]).toMatchObject({ operation: 'b', requests: 20 });
    expect(report.budgets).toEqual([
      expect.objectContaining({ key: 'responseTime.p95', status: 'met' }),
    ]);
  });

  it('counts alerts that fired in the period with their times to acknowledge and resolve', () => {
    const report = reportAfterTwoDays();
    expect(report.alerts).toEqual({
      total: 1,
      bySeverity: [{ severity: 'warning', count: 1 }],
      meanTimeToAcknowledgeMs: 60_000,
      meanTimeToResolveMs: 120_000,
      topRules: [{ ruleId: 'r1', name: 'Slow', count: 1 }],
    });
    expect(report.recommendations).toEqual(['look at r1']);
    expect(report.regressions).toEqual([]);
    expect(report.suggestions).toEqual([]);
  });

  it('writes one CSV row per figure with period, previous and change', () => {
    const csv = toReportCsv(reportAfterTwoDays()).split('\r\n');
    expect(csv[0]).toBe(
      'period_from,period_to,group,figure,label,unit,value,previous,change_pct,verdict',
    );
    expect(csv).toContain(
      '2026-04-02T00:00:00.000Z,2026-04-03T00:00:00.000Z,service,requests,Requests,,20,10,100,neutral',
    );
  });
});
