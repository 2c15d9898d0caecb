import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTags } from '../../apps/server/src/insight/series-window.ts';
import { DEBUG_DELAY_HEADER } from '../../apps/server/src/insight/debug-delay.ts';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { seedLatencyHistory } from '../testing/seed-history.ts';
import { waitUntil } from '../testing/wait-until.ts';

const FLAVORS = 'query InsightFlavors { flavors(first: 3) { edges { node { id } } } }';

interface RegressionRow {
  metric: string;
  statistic: string;
  changePercent: number;
  open: boolean;
  tags: { key: string; value: string }[];
}
interface AlertRow {
  ruleId: string;
  status: string;
  value: number | null;
  tags: { key: string; value: string }[];
}

/**
 * The "Done when" of insight, on a running server (real HTTP): a deliberate slowdown of one
 * resolver (TAURINE_DEBUG_DELAY_MS, sent per request) shows up as a regression and as a firing
 * alert within two collection ticks, naming the metric and the change, and both recover once the
 * slowdown stops. Ticks are driven by the test (the timer's interval is an hour) so "two ticks"
 * is counted, not timed.
 */
describe('insight on a running server', () => {
  let app: TestApp;
  let url: string;

  const flavors = async (slow: boolean) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': app.adminKey,
        ...(slow ? { [DEBUG_DELAY_HEADER]: 'on' } : {}),
      },
      body: JSON.stringify({ query: FLAVORS }),
    });
    expect(response.status).toBe(200);
    await response.text();
  };
  const times = async (n: number, slow: boolean) => {
    for (let i = 0; i < n; i++) await flavors(slow);
  };
  const flavorsP95 = async () => {
    const { data } = await app.graphql<{ regressions: RegressionRow[] }>(
      '{ regressions { metric statistic changePercent open tags { key value } } }',
    );
    return data?.regressions.find(
      (r) =>
        r.metric === 'api.responseTime' &&
        r.statistic === 'P95' &&
        r.tags.some((tag) => tag.value === 'InsightFlavors'),
    );
  };
  const regressionAlert = async () => {
    const { data } = await app.graphql<{ alerts: { edges: { node: AlertRow }[] } }>(
      '{ alerts(first: 50) { edges { node { ruleId status value tags { key value } } } } }',
    );
    return data?.alerts.edges
      .map((edge) => edge.node)
      .find(
        (alert) =>
          alert.ruleId === 'insight.regression' &&
          alert.tags.some((t) => t.key === 'statistic' && t.value === 'p95') &&
          alert.tags.some((t) => t.key === 'series' && t.value.includes('InsightFlavors')),
      );
  };

  beforeAll(async () => {
    app = await createTestApp({
      COLLECT_INTERVAL_MS: '3600000',
      TAURINE_DEBUG_DELAY_MS: '600',
      INSIGHT_MIN_SAMPLES: '20',
      // The start's own tick found no history yet; the seeded hour counts from the next tick on.
      INSIGHT_BASELINE_REFRESH_MS: '1000',
    });
    ({ url } = await app.start());
    await times(60, false);
    const { registry } = app.services.metrics;
    const series = registry
      .seriesStats('api.responseTime', undefined, '5m')
      .find((s) => Object.values(s.tags).includes('InsightFlavors'))!;
    const { p50, p95 } = series.stats;
    // An hour at least as slow as the warm-up (p95 doubled, at most 150 ms): normal traffic on a
    // loaded machine stays within it, and the 600 ms slowdown is far outside it.
    const medianMs = Math.max(p50 ?? 1, 1);
    const p95Ms = Math.min(Math.max(2 * (p95 ?? 2), 3 * medianMs), 150);
    const sigma = Math.log(p95Ms / medianMs) / 1.645;
    const seeded = seedLatencyHistory(
      registry,
      { name: 'api.responseTime', tags: ownTags(series.tags, registry.standardTags) },
      { minutes: 40, perMinute: 60, medianMs, sigma },
    );
    expect(seeded).toBe(40);
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('finds the slowdown within two ticks, alerts on it, and recovers when it stops', async () => {
    await app.services.collector.tick();
    expect((await flavorsP95())?.open ?? false).toBe(false);

    await times(10, true);
    await app.services.collector.tick();
    await app.services.collector.tick();

    const regression = await flavorsP95();
    expect(regression).toMatchObject({ open: true });
    expect(regression!.changePercent).toBeGreaterThan(100);
    const alert = await regressionAlert();
    expect(alert).toMatchObject({ status: 'FIRING' });
    expect(alert!.tags).toEqual(
      expect.arrayContaining([{ key: 'metric', value: 'api.responseTime' }]),
    );
    expect(alert!.value).toBeGreaterThan(1);
    const { data } = await app.graphql<{
      snapshot: { openRegressions: number; healthGrade: string };
    }>('{ snapshot { openRegressions healthGrade } }');
    expect(data?.snapshot.openRegressions).toBeGreaterThanOrEqual(1);
    expect(data?.snapshot.healthGrade).toMatch(/^[A-F]$/);

    // The slowdown stops: fast requests push the slow ones out of the p95.
    await waitUntil(async () => {
      await times(100, false);
      await app.services.collector.tick();
      return (await flavorsP95())?.open === false;
    }, 60_000);
    await waitUntil(async () => (await regressionAlert())?.status === 'RESOLVED', 10_000);
  });
});
