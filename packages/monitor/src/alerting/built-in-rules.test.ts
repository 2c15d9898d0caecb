import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './built-in-rules.ts';
import { validateRule } from './validate-rule.ts';

const KNOWN_METRICS = [
  'cache.hitRate',
  'process.heapUsedRatio',
  'api.responseTime',
  'health.score',
  'business.conversionRate',
  'api.errorRate',
  'health.uptimeRatio',
];

describe('BUILT_IN_RULES', () => {
  it('are all valid, enabled, built in and uniquely named', () => {
    for (const rule of BUILT_IN_RULES) {
      expect(validateRule(rule, KNOWN_METRICS)).toEqual({
        ok: true,
        rule: { ...rule, keepFiringForMs: rule.keepFiringForMs ?? 0 },
      });
      expect(rule).toMatchObject({ enabled: true, builtIn: true });
    }
    expect(new Set(BUILT_IN_RULES.map((rule) => rule.id)).size).toBe(BUILT_IN_RULES.length);
  });

  it('encode the thresholds of the architecture', () => {
    const summary = BUILT_IN_RULES.map(({ metric, stat, comparison, threshold, severity }) =>
      [metric, stat, comparison, threshold, severity].join(' '),
    );
    expect(summary).toEqual([
      'cache.hitRate avg < 0.5 warning',
      // Issue 10: a share of V8's heap limit; the original 40 MB fired on a healthy server.
      'process.heapUsedRatio avg > 0.8 warning',
      'api.responseTime p95 > 2000 error',
      'health.score avg < 40 error',
      'business.conversionRate avg < 0.01 warning',
      'api.errorRate avg > 0.05 critical',
      'health.uptimeRatio avg < 0.99 critical',
    ]);
  });

  it('cannot be changed by a consumer', () => {
    expect(Object.isFrozen(BUILT_IN_RULES)).toBe(true);
    expect(BUILT_IN_RULES.every((rule) => Object.isFrozen(rule))).toBe(true);
  });
});
