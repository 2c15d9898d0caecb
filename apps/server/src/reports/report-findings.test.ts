import type { Regression } from '@taurine/monitor';
import type { Suggestion } from '@taurine/monitor/operations';
import { describe, expect, it } from 'vitest';
import { createReportFindings } from './report-findings.ts';

const HOUR = 3_600_000;

function regression(overrides: Partial<Regression>): Regression {
  return {
    id: 'r',
    metric: 'api.responseTime',
    tags: { operation: 'Flavors' },
    statistic: 'p95',
    baselineValue: 120,
    currentValue: 180,
    change: 0.5,
    worstChange: 0.5,
    confidence: 0.9,
    severity: 'critical',
    firstSeen: 10 * HOUR,
    lastSeen: 11 * HOUR,
    recoveredAt: null,
    ...overrides,
  };
}

describe('a report’s regressions and suggestions', () => {
  it('lists the regressions open at some point of its period, with series, values and change', () => {
    const seen: number[] = [];
    const findings = createReportFindings({
      regressions: (since) => {
        seen.push(since);
        return [
          regression({ id: 'open', firstSeen: 10 * HOUR }),
          regression({ id: 'later', metric: 'cache.hitRate', tags: {}, firstSeen: 30 * HOUR }),
        ];
      },
      suggestions: () => Promise.resolve([]),
    });
    const lines = findings.regressions(0, 24 * HOUR);
    expect(seen).toEqual([0]);
    expect(lines).toEqual([
      {
        metric: 'api.responseTime',
        description: 'p95 of api.responseTime{operation=Flavors}: 120 → 180 (critical, still open)',
        changePct: 50,
      },
    ]);
  });

  it('turns each suggestion into its title, what to do and the expected gain', async () => {
    const suggestion = {
      title: 'Slow operation Flavors',
      action: 'Cache the catalogue query',
      expectedGain: 'about 600 ms off p95',
    } as Suggestion;
    const findings = createReportFindings({
      regressions: () => [],
      suggestions: () => Promise.resolve([suggestion]),
    });
    expect(await findings.suggestions()).toEqual([
      {
        title: 'Slow operation Flavors',
        detail: 'Cache the catalogue query (about 600 ms off p95)',
      },
    ]);
  });
});
