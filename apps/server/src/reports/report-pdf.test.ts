import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildReport,
  createManualClock,
  createMetricsRegistry,
  resolveReportPeriod,
} from '@taurine/monitor';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from './report-pdf.ts';
import { formatFigure } from './report-text.ts';

const T0 = Date.parse('2026-06-10T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'taurine-pdf-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A day of traffic: requests every hour with slower ones in the afternoon, one slow route. */
function sampleReport() {
  const clock = createManualClock(T0 - 86_400_000);
  // The day before: fewer, faster requests, so the comparison has something to show.
  const registry = createMetricsRegistry({
    clock,
    standardTags: {
      environment: 'test',
      region: 'local',
      service: 'taurine',
      version: '1',
      deployment: 'd',
    },
  });
  for (let hour = -24; hour < 20; hour++) {
    clock.set(T0 + hour * 3_600_000);
    for (let i = 0; i < (hour < 0 ? 25 : 30 + hour * 4); i++) {
      registry.distribution('api.responseTime', (hour < 0 ? 15 : 20 + hour * 3) + (i % 7), {
        endpoint: '/graphql',
        operation: 'Flavors',
      });
      registry.counter('api.requests', 1, { endpoint: '/graphql' });
    }
    registry.distribution('api.responseTime', 900, {
      endpoint: '/graphql',
      operation: 'Calculate',
    });
    registry.counter('api.requests', 1, { endpoint: '/graphql' });
    registry.gauge('health.uptimeRatio', 1);
    registry.counter('business.calculations', 5);
    registry.counter('business.affiliateClicks', 1);
  }
  clock.set(T0 + 21 * 3_600_000);
  return buildReport({
    source: registry,
    period: resolveReportPeriod({ kind: 'day', at: T0 + 1, timeZone: 'Europe/Paris' }),
    scope: { kind: 'instance', instanceId: 'web-1' },
    generatedAt: clock.now(),
    alerts: [],
    budgets: [{ key: 'responseTime.p95', limit: 2000, direction: 'lower' }],
    recommendations: () => ['Warm the cache for popular keys'],
  });
}

describe('renderReportPdf', () => {
  it('writes a PDF whose text holds the title, the figures and the tables', async () => {
    const report = sampleReport();
    const pdf = await renderReportPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300_000);
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+[2-9]/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Performance report');
    expect(text).toContain(`Daily report ${report.period.label}`);
    for (const key of ['requests', 'responseTime.p95', 'calculations', 'conversion']) {
      const figure = report.figures.find((f) => f.key === key)!;
      expect(figure.value).not.toBeNull();
      expect(text).toContain(formatFigure(figure.value, figure.unit));
    }
    expect(text).toContain('Calculate');
    expect(text).toContain('Warm the cache for popular keys');
  });
});
