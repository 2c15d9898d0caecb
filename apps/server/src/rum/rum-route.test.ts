import { createMetricsRegistry } from '@taurine/monitor';
import { MAX_TARGET_LENGTH } from '@taurine/vitals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../metrics/metric-definitions.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { createRumRoute } from './rum-route.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ RATE_LIMIT_ANONYMOUS: '100' });
});
afterAll(() => app.dispose());

const send = (body: string, type = 'text/plain;charset=UTF-8') =>
  app.yoga.fetch('http://localhost/rum', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

describe('POST /rum', () => {
  it('records a sendBeacon batch of vitals tagged by route and device, last report of an id wins', async () => {
    const response = await send(
      JSON.stringify({
        route: '/monitoring?range=1h',
        device: 'mobile',
        sessionId: 'visitor-abcdef12',
        vitals: [
          { name: 'LCP', value: 1800, id: 'v6-1' },
          { name: 'CLS', value: 0.05, id: 'v6-2' },
          { name: 'CLS', value: 0.3, id: 'v6-2' },
        ],
        cache: [{ tier: 'localStorage', hits: 4, misses: 1 }],
      }),
    );
    expect(response.status).toBe(204);
    const { registry, sessions } = app.services.metrics;
    expect(
      registry.stats('webvitals.LCP', { route: '/monitoring', device: 'mobile' }).p75,
    ).toBeCloseTo(1800, -1);
    expect(registry.stats('webvitals.CLS').count).toBe(1);
    expect(registry.stats('webvitals.ratings', { metric: 'CLS', rating: 'poor' }).sum).toBe(1);
    expect(
      registry.stats('browser.cache.lookups', { tier: 'localStorage', outcome: 'hit' }).sum,
    ).toBe(4);
    expect(sessions.count(Date.now())).toBeGreaterThanOrEqual(1);
  });

  it('keeps what caused each vital: the element as a sanitised tag, and the phases', async () => {
    const response = await send(
      JSON.stringify({
        route: '/alerts',
        device: 'tablet',
        vitals: [
          {
            name: 'LCP',
            value: 3100,
            id: 'a-lcp',
            rating: 'needs-improvement',
            attribution: {
              target: 'main>img.hero',
              url: 'https://cdn.example/hero.webp?token=secret',
              resourceLoadDelay: 900,
              elementRenderDelay: 40,
            },
          },
          {
            name: 'INP',
            value: 320,
            id: 'a-inp',
            attribution: { target: 'button#buy', interactionType: 'pointer', inputDelay: 12 },
          },
          {
            name: 'CLS',
            value: 0.2,
            id: 'a-cls',
            attribution: { target: `div.ad"><script>${'x'.repeat(500)}</script>` },
          },
        ],
      }),
    );
    expect(response.status).toBe(204);
    const { registry } = app.services.metrics;
    const lcp = registry.stats('webvitals.targets.LCP', {
      route: '/alerts',
      device: 'tablet',
      target: 'main>img.hero',
    });
    expect([lcp.count, lcp.max]).toEqual([1, 3100]);
    expect(
      registry.stats('webvitals.targets.INP', { target: 'button#buy', interaction: 'pointer' })
        .count,
    ).toBe(1);
    const clsTargets = registry
      .listSeries('webvitals.targets.CLS')
      .map((series) => series.tags['target']);
    expect(clsTargets).toHaveLength(1);
    expect(clsTargets[0]).toMatch(/^[\w.#>:()[\]= -]+$/);
    expect(clsTargets[0]!.length).toBeLessThanOrEqual(MAX_TARGET_LENGTH);
    expect(
      registry.stats('webvitals.phases', { metric: 'LCP', phase: 'resourceLoadDelay' }).max,
    ).toBe(900);
    expect(registry.stats('webvitals.phases', { metric: 'INP', phase: 'inputDelay' }).count).toBe(
      1,
    );
  });

  it('rates on its own thresholds: a browser that claims "good" for a poor LCP is counted, not trusted', async () => {
    const tags = { route: '/demo', device: 'desktop', metric: 'LCP' };
    const response = await send(
      JSON.stringify({
        route: '/demo',
        vitals: [
          { name: 'LCP', value: 9000, id: 'liar-1', rating: 'good' },
          { name: 'LCP', value: 1000, id: 'honest-1', rating: 'good' },
        ],
      }),
    );
    expect(response.status).toBe(204);
    const { registry } = app.services.metrics;
    expect(registry.stats('webvitals.ratings', { ...tags, rating: 'poor' }).sum).toBe(1);
    expect(registry.stats('webvitals.ratings', { ...tags, rating: 'good' }).sum).toBe(1);
    expect(
      registry.stats('webvitals.ratingMismatches', {
        metric: 'LCP',
        claimed: 'good',
        rating: 'poor',
      }).sum,
    ).toBe(1);
  });

  it('answers 400 with every problem and records nothing', async () => {
    const before = app.services.metrics.registry.stats('webvitals.LCP').count;
    const response = await send(
      JSON.stringify({
        route: 'no-slash',
        device: 'fridge',
        vitals: [
          { name: 'LCP', value: Number.MAX_VALUE },
          { name: 'FID', value: 3 },
        ],
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: string[] };
    expect(body.problems).toHaveLength(4);
    expect(app.services.metrics.registry.stats('webvitals.LCP').count).toBe(before);
  });

  it('rejects broken JSON, other content types and bodies over 64 KiB', async () => {
    expect((await send('{"route":')).status).toBe(400);
    expect((await send('{}', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await send(JSON.stringify({ route: '/', pad: 'x'.repeat(70_000) }))).status).toBe(413);
  });

  it('limits one anonymous client per address (RATE_LIMIT_ANONYMOUS) with Retry-After', async () => {
    let refused: Response | undefined;
    for (let i = 0; i < 110 && !refused; i += 1) {
      const response = await app.yoga.fetch(
        'http://localhost/rum',
        {
          method: 'POST',
          body: '{"route":"/"}',
        },
        { remoteAddress: '203.0.113.9' },
      );
      if (response.status === 429) refused = response;
    }
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('POST /rum attribution cardinality', () => {
  it('caps the element tags of each vital at the registry series limit, apart from the vital itself', async () => {
    const registry = createMetricsRegistry({
      clock: { now: () => Date.now() },
      standardTags: {
        environment: 'test',
        region: 'local',
        service: 'taurine',
        version: '0.1.0',
        deployment: 'test',
      },
      maxSeriesPerMetric: 20,
    });
    for (const { name, kind, help, unit } of METRIC_DEFINITIONS) {
      registry.define(name, kind, { help, unit });
    }
    const route = createRumRoute({ recorder: registry });
    const post = (vitals: unknown[]) =>
      route(
        new Request('http://localhost/rum', {
          method: 'POST',
          body: JSON.stringify({ route: '/', vitals }),
        }),
      );
    // A hostile client invents a new selector for every report.
    for (let batch = 0; batch < 3; batch += 1) {
      const vitals = Array.from({ length: 50 }, (_, i) => ({
        name: 'LCP',
        value: 1000 + i,
        id: `lcp-${batch}-${i}`,
        attribution: { target: `div#made-up-${batch}-${i}` },
      }));
      expect((await post(vitals)).status).toBe(204);
    }
    expect(
      (
        await post([
          { name: 'INP', value: 90, id: 'inp-1', attribution: { target: 'button#real' } },
        ])
      ).status,
    ).toBe(204);

    const info = new Map(registry.metrics().map((metric) => [metric.name, metric]));
    expect(info.get('webvitals.targets.LCP')!.series).toBe(20);
    expect(info.get('webvitals.targets.LCP')!.overflowSamples).toBe(130);
    expect(registry.stats('webvitals.LCP').count).toBe(150);
    expect(registry.stats('webvitals.targets.INP', { target: 'button#real' }).count).toBe(1);
  });
});
