import { describe, expect, it } from 'vitest';
import { chartToCsv, countPoints } from './chart-csv.ts';

describe('chartToCsv', () => {
  it('writes the server export’s shape: quoted header and fields, ISO times, sorted tags', () => {
    const t0 = Date.parse('2026-11-27T12:00:00.000Z');
    const csv = chartToCsv([
      {
        key: 'p95',
        label: 'p95',
        metricName: 'api.responseTime.p95',
        tags: { tier: 'memory', endpoint: '/graphql' },
        color: '#000',
        points: [
          { t: t0 + 60_000, value: 12.5 },
          { t: t0, value: null },
        ],
      },
      {
        key: 'p50',
        label: 'p50',
        metricName: 'api.responseTime.p50',
        tags: {},
        color: '#000',
        points: [{ t: t0, value: 4 }],
      },
    ]);
    expect(csv).toBe(
      [
        '"timestamp","metric_name","value","tags"',
        '"2026-11-27T12:00:00.000Z","api.responseTime.p50","4",""',
        '"2026-11-27T12:01:00.000Z","api.responseTime.p95","12.5","endpoint=/graphql;tier=memory"',
        '',
      ].join('\n'),
    );
  });

  it('counts only the points that have a value', () => {
    expect(
      countPoints([
        {
          key: 'a',
          label: 'a',
          metricName: 'a',
          tags: {},
          color: '',
          points: [
            { t: 1, value: null },
            { t: 2, value: 0 },
          ],
        },
      ]),
    ).toBe(1);
  });
});
