import { describe, expect, it } from 'vitest';
import { computeHealthScore } from '../health/health-score.ts';
import { healthGrade } from './grade.ts';

describe('health grade', () => {
  it('is given at the band edges: A from 90, B from 80, C from 70, D from 60, F below', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [90, 'A'],
      [89.9, 'B'],
      [80, 'B'],
      [79.9, 'C'],
      [70, 'C'],
      [69.9, 'D'],
      [60, 'D'],
      [59.9, 'F'],
      [0, 'F'],
    ];
    expect(cases.map(([score]) => healthGrade(score))).toEqual(cases.map(([, grade]) => grade));
  });

  it('comes with the score, which names the inputs that had no data', () => {
    const health = computeHealthScore({
      errorRate: 0.1,
      responseTimeP95Ms: null,
      eventLoopDelayP99Ms: 10,
      heapUsedRatio: null,
      cacheHitRate: 0.9,
      downDependencies: [],
    });
    expect(health).toMatchObject({ score: 65, grade: 'D', noData: ['responseTime', 'heap'] });
  });
});
