import { describe, expect, it } from 'vitest';
import { computeHealthScore } from './health-score.ts';
import type { HealthInputs } from './health-score.ts';

const healthy: HealthInputs = {
  errorRate: 0,
  responseTimeP95Ms: 40,
  eventLoopDelayP99Ms: 12,
  heapUsedRatio: 0.2,
  cacheHitRate: 0.95,
  downDependencies: [],
};

describe('computeHealthScore', () => {
  it('is 100 for a healthy service and when every signal has no data', () => {
    expect(computeHealthScore(healthy).score).toBe(100);
    expect(
      computeHealthScore({
        errorRate: null,
        responseTimeP95Ms: null,
        eventLoopDelayP99Ms: null,
        heapUsedRatio: null,
        cacheHitRate: null,
        downDependencies: [],
      }).score,
    ).toBe(100);
  });

  it('drops below the built-in alert threshold of 40 when errors and latency are both bad', () => {
    const { score, penalties } = computeHealthScore({
      ...healthy,
      errorRate: 0.2,
      responseTimeP95Ms: 5000,
    });
    expect(penalties['errorRate']).toBe(35);
    expect(penalties['responseTime']).toBe(25);
    expect(score).toBe(40);
    expect(
      computeHealthScore({
        ...healthy,
        errorRate: 0.2,
        responseTimeP95Ms: 5000,
        eventLoopDelayP99Ms: 600,
      }).score,
    ).toBeLessThan(40);
  });

  it('costs points linearly between the thresholds', () => {
    const half = computeHealthScore({ ...healthy, responseTimeP95Ms: 1750 });
    expect(half.penalties['responseTime']).toBeCloseTo(12.5);
  });

  it('penalises a low cache hit rate, where lower is worse', () => {
    expect(computeHealthScore({ ...healthy, cacheHitRate: 0.3 }).score).toBe(90);
    expect(computeHealthScore({ ...healthy, cacheHitRate: 0.9 }).score).toBe(100);
  });

  it('takes 40 points for a database outage and 10 for another dependency', () => {
    expect(computeHealthScore({ ...healthy, downDependencies: ['database'] }).score).toBe(60);
    expect(computeHealthScore({ ...healthy, downDependencies: ['redis'] }).score).toBe(90);
  });

  it('ignores NaN instead of returning NaN', () => {
    expect(computeHealthScore({ ...healthy, errorRate: Number.NaN }).score).toBe(100);
  });
});
