import { describe, expect, it } from 'vitest';
import { latencyHistory, statsBetween } from '../testing/synthetic-history.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { compareDeployment, previousDeployment } from './deployment-comparison.ts';

const MINUTE = 60_000;

describe('deployment comparison', () => {
  it('gives each metric before and after a recorded deployment, worse and better by direction', () => {
    const deployedAt = 30 * MINUTE;
    const samples = latencyHistory({
      random: seededRandom(5),
      from: 0,
      to: 60 * MINUTE,
      perMinute: 200,
      medianMs: 40,
      factor: (t) => (t >= deployedAt ? 1.5 : 1),
    });
    const hit = (mean: number) => ({ count: 100, p50: null, p95: null, p99: null, mean });
    const rows = compareDeployment(
      [
        {
          metric: 'api.responseTime',
          direction: 'up',
          before: statsBetween(samples, 0, deployedAt),
          after: statsBetween(samples, deployedAt, 60 * MINUTE),
        },
        { metric: 'cache.hitRate', direction: 'down', before: hit(0.7), after: hit(0.9) },
        {
          metric: 'webvitals.LCP',
          direction: 'up',
          before: { count: 0, p50: null, p95: null, p99: null, mean: null },
          after: statsBetween(samples, deployedAt, 60 * MINUTE),
        },
      ],
      ['p95', 'mean'],
    );
    const row = (metric: string, statistic: string) =>
      rows.find((r) => r.metric === metric && r.statistic === statistic);
    expect(row('api.responseTime', 'p95')).toMatchObject({ verdict: 'worse', samplesBefore: 6000 });
    expect(row('api.responseTime', 'p95')?.change).toBeCloseTo(0.5, 1);
    expect(row('cache.hitRate', 'mean')).toMatchObject({
      verdict: 'better',
      before: 0.7,
      after: 0.9,
    });
    expect(row('cache.hitRate', 'p95')?.verdict).toBe('no_data');
    expect(row('webvitals.LCP', 'p95')).toMatchObject({ verdict: 'no_data', before: null });
  });

  it('finds the previous deployment in any order', () => {
    const history = [
      { version: '1.2.0', at: 300 },
      { version: '1.0.0', at: 100 },
      { version: '1.1.0', at: 200 },
    ];
    expect(previousDeployment(history, history[0]!)?.version).toBe('1.1.0');
    expect(previousDeployment(history, history[1]!)).toBeNull();
  });
});
