import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './built-in-rules.ts';
import { derivedRuleName, followingRuleName } from './rule-name.ts';

const heap = BUILT_IN_RULES.find((rule) => rule.id === 'builtin.heap-memory')!;

describe('rule names', () => {
  it('name the built-in rules after their definitions', () => {
    expect(BUILT_IN_RULES.map((rule) => rule.name)).toEqual([
      'Cache hit rate below 50 %',
      'Heap memory above 80 % of the limit',
      'API p95 response time above 2 s',
      'Health score below 40',
      'Conversion rate below 1 %',
      'Error rate above 5 %',
      'Uptime below 99 %',
    ]);
    for (const rule of BUILT_IN_RULES) expect(derivedRuleName(rule)).toBe(rule.name);
  });

  it('write thresholds as people read them', () => {
    const latency = { metric: 'api.responseTime', stat: 'p99', comparison: '>=' } as const;
    expect(derivedRuleName({ ...latency, threshold: 1500 })).toBe(
      'API p99 response time at or above 1.5 s',
    );
    expect(derivedRuleName({ ...latency, threshold: 750 })).toBe(
      'API p99 response time at or above 750 ms',
    );
    expect(
      derivedRuleName({
        metric: 'health.uptimeRatio',
        stat: 'avg',
        comparison: '<=',
        threshold: 0.995,
      }),
    ).toBe('Uptime at or below 99.5 %');
    expect(
      derivedRuleName({
        metric: 'process.heapUsedMB',
        stat: 'avg',
        comparison: '>',
        threshold: 40,
      }),
    ).toBe('Heap memory above 40 MB');
    expect(
      derivedRuleName({ metric: 'no.format', stat: 'avg', comparison: '>', threshold: 1 }),
    ).toBe(null);
  });

  it('follow an edited threshold while the name is the derived one, never a chosen name', () => {
    expect(followingRuleName(heap, { ...heap, threshold: 0.9 })).toBe(
      'Heap memory above 90 % of the limit',
    );
    expect(followingRuleName(heap, { ...heap, comparison: '>=', threshold: 0.75 })).toBe(
      'Heap memory at or above 75 % of the limit',
    );
    // A name given with the edit wins; a name chosen earlier stays.
    expect(followingRuleName(heap, { ...heap, name: 'Heap', threshold: 0.9 })).toBe('Heap');
    const renamed = { ...heap, name: 'Memory pressure' };
    expect(followingRuleName(renamed, { ...renamed, threshold: 0.9 })).toBe('Memory pressure');
  });
});
