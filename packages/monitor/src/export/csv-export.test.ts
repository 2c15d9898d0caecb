import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { createMetricsRegistry } from '../metrics/metrics-registry.ts';
import { collectExportRows } from './export-row.ts';
import type { ExportRow } from './export-row.ts';
import { toCsvExport } from './csv-export.ts';
import { toJsonExport } from './json-export.ts';

const T0 = Date.UTC(2026, 0, 1, 12);
const STANDARD = {
  environment: 'prod',
  region: 'eu-west-1',
  service: 'api',
  version: '1.2.3',
  deployment: 'blue',
};

describe('CSV and JSON exports', () => {
  const rows: ExportRow[] = [
    {
      timestamp: T0,
      metricName: 'api.responseTime.p95',
      value: 812.5,
      tags: { endpoint: '/graphql', device: 'mobile' },
    },
    {
      timestamp: T0,
      metricName: 'cache.hitRate.last',
      value: 0.9,
      tags: { note: 'say "hi", then, go' },
    },
  ];

  it('writes the original CSV: quoted header and fields, doubled quotes, k=v;k=v tags', () => {
    expect(toCsvExport(rows)).toBe(
      [
        '"timestamp","metric_name","value","tags"',
        '"2026-01-01T12:00:00.000Z","api.responseTime.p95","812.5","endpoint=/graphql;device=mobile"',
        '"2026-01-01T12:00:00.000Z","cache.hitRate.last","0.9","note=say ""hi"", then, go"',
        '',
      ].join('\n'),
    );
    expect(toCsvExport([])).toBe('"timestamp","metric_name","value","tags"\n');
  });

  it('writes the JSON document { timestamp, version, metrics }', () => {
    expect(toJsonExport(rows, T0 + 1000)).toEqual({
      timestamp: '2026-01-01T12:00:01.000Z',
      version: '1.0',
      metrics: [
        {
          timestamp: '2026-01-01T12:00:00.000Z',
          name: 'api.responseTime.p95',
          value: 812.5,
          tags: rows[0]!.tags,
        },
        {
          timestamp: '2026-01-01T12:00:00.000Z',
          name: 'cache.hitRate.last',
          value: 0.9,
          tags: rows[1]!.tags,
        },
      ],
    });
  });

  it('collects one row per series and statistic, leaving out statistics without data', () => {
    const clock = createManualClock(T0);
    const registry = createMetricsRegistry({ clock, standardTags: STANDARD });
    registry.counter('calc.done', 4, { feature: 'mix' });
    registry.gauge('cache.hitRate', 0.75);
    registry.define('api.responseTime', 'distribution', { unit: 'ms' });
    clock.set(T0 + 30_000);
    const exported = collectExportRows(registry, clock.now(), { stats: { gauge: ['last'] } });
    expect(exported.map((row) => `${row.metricName}=${row.value}`)).toEqual([
      'cache.hitRate.last=0.75',
      'calc.done.sum=4',
      `calc.done.rate=${4 / 30}`, // the registry started 30 s ago: the rate covers those 30 s
    ]);
    expect(exported[1]!.tags).toEqual({ ...STANDARD, feature: 'mix' });
    expect(collectExportRows(registry, clock.now(), { prefix: 'cache.' })).toHaveLength(4);
  });
});
