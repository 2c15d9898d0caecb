import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

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
