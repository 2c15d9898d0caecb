import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS, budgetProblem, budgetStatus } from './budget.ts';

describe('budgets', () => {
  const apiP95 = DEFAULT_BUDGETS.find((budget) => budget.metric === 'api.responseTime')!;
  const hitRate = DEFAULT_BUDGETS.find((budget) => budget.metric === 'cache.hitRate')!;

  it('move from within to at risk to over and back as the value moves', () => {
    const states = [200, 449, 451, 500, 501, 800, 300, null].map((v) => budgetStatus(apiP95, v));
    expect(states).toEqual([
      'within',
      'within',
      'at_risk',
      'at_risk',
      'over',
      'over',
      'within',
      'no_data',
    ]);
  });

  it('read the other way for a minimum such as the cache hit rate', () => {
    expect(hitRate.kind).toBe('min');
    expect([0.95, 0.85, 0.8, 0.79].map((v) => budgetStatus(hitRate, v))).toEqual([
      'within',
      'at_risk',
      'at_risk',
      'over',
    ]);
  });

  it('cover the specification: vitals, API p95, bundle size, memory, cache hit rate', () => {
    expect(DEFAULT_BUDGETS.map((budget) => budget.metric)).toEqual(
      expect.arrayContaining([
        'webvitals.LCP',
        'webvitals.INP',
        'webvitals.CLS',
        'api.responseTime',
        'web.bundleGzipSize',
        'process.heapUsedRatio',
        'cache.hitRate',
      ]),
    );
    expect(DEFAULT_BUDGETS.every((budget) => budgetProblem(budget) === null)).toBe(true);
  });

  it('refuse a budget with an empty name, an infinite limit or a ratio out of range', () => {
    expect(budgetProblem({ ...apiP95, name: ' ' })?.field).toBe('name');
    expect(budgetProblem({ ...apiP95, limit: Infinity })?.field).toBe('limit');
    expect(budgetProblem({ ...apiP95, atRiskRatio: 1.5 })?.field).toBe('atRiskRatio');
  });
});
