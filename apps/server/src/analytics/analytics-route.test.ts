import { affiliateCommission, flavorById } from '@taurine/calculator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    RATE_LIMIT_ANONYMOUS: '200',
    AFFILIATE_COMMISSION_RATES: 'red-bull-gmbh=0.1',
    MARKETING_SPEND_PER_DAY: '50',
  });
});
afterAll(() => app.dispose());

const post = (body: string, type = 'text/plain;charset=UTF-8') =>
  app.yoga.fetch('http://localhost/analytics', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

const beacon = (fields: Record<string, unknown>) =>
  post(JSON.stringify({ sessionId: 'tab-route-test-1', durationMs: 1000, ...fields }));

const sumOf = (name: string, tags?: Record<string, string>) =>
  app.services.metrics.registry.stats(name, tags, '1h').sum ?? 0;

describe('POST /analytics', () => {
  it('counts page views, feature uses and the ended session exactly once, whatever is repeated or lost', async () => {
    const first = { seq: 1, pageViews: { '/': 1 }, features: { 'preset.serving': 1 } };
    expect((await beacon(first)).status).toBe(204);
    expect((await beacon(first)).status).toBe(204); // repeated: valid, adds nothing
    // seq 2 is lost; seq 3 carries everything so far and ends the session.
    const last = {
      seq: 3,
      durationMs: 42_000,
      pageViews: { '/': 1, '/alerts/7': 1, '/nope': 1 },
      features: { 'preset.serving': 2, 'made.up': 1 },
      ended: true,
    };
    expect((await beacon(last)).status).toBe(204);
    expect(sumOf('visitor.pageViews', { route: '/' })).toBe(1);
    expect(sumOf('visitor.pageViews', { route: '/alerts/:id' })).toBe(1);
    expect(sumOf('visitor.pageViews', { route: '/other' })).toBe(1);
    expect(sumOf('feature.usage', { feature: 'preset.serving' })).toBe(2);
    expect(sumOf('feature.usage', { feature: 'other' })).toBe(1);
    expect(sumOf('visitor.beacons', { outcome: 'repeated' })).toBe(1);
    const { registry } = app.services.metrics;
    expect(registry.stats('visitor.sessionDuration', undefined, '1h')).toMatchObject({
      count: 1,
      sum: 42,
    });
    expect(registry.stats('visitor.pagesPerSession', undefined, '1h').sum).toBe(3);
  });

  it('refuses a bad beacon with 400 and every problem, and records nothing', async () => {
    const before = sumOf('visitor.beacons');
    const response = await post(
      JSON.stringify({ sessionId: 'x', seq: -1, durationMs: 1, pageViews: { '/': 'many' } }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: string[] };
    expect(body.error).toBe('Invalid beacon');
    expect(body.problems).toEqual([
      'sessionId must be 8 to 64 letters, digits, "_" or "-"',
      'seq must be a whole number from 1 to 1000000000',
      'pageViews["/"] must be a whole count from 0 to 100000 under a key of at most 200 characters',
    ]);
    expect((await post('{"sessionId":')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post('{}', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(JSON.stringify({ pad: 'x'.repeat(20_000) }))).status).toBe(413);
    expect(sumOf('visitor.beacons')).toBe(before);
  });

  it('values an affiliate click at its flavor’s commission and derives the cost per acquisition', async () => {
    const redBull = flavorById('red-bull-original')!;
    const result = await app.graphql<{ trackEvent: { __typename: string } }>(
      'mutation($input: TrackEventInput!) { trackEvent(input: $input) { __typename } }',
      { input: { type: 'AFFILIATE_CLICK', flavorId: redBull.id } },
    );
    expect(result.data!.trackEvent.__typename).toBe('TrackedEvent');
    const { commissionUsd, rate } = affiliateCommission(
      redBull,
      app.services.config.analytics.commissionRates,
    );
    expect(rate).toBe(0.1);
    expect(
      sumOf('business.affiliateClicks', { flavor: redBull.id, supplier: 'red-bull-gmbh' }),
    ).toBe(1);
    expect(sumOf('business.affiliateEarnings', { supplier: 'red-bull-gmbh' })).toBeCloseTo(
      commissionUsd,
      6,
    );

    await app.services.collector.tick();
    const { registry } = app.services.metrics;
    const clicksPerSecond = registry.stats('business.affiliateClicks', undefined, '24h').rate!;
    expect(registry.stats('business.costPerAcquisition').last).toBeCloseTo(
      50 / (clicksPerSecond * 86_400),
      2,
    );
  });

  it('exposes the figures on /metrics like every other metric', async () => {
    const response = await app.yoga.fetch('http://localhost/metrics', {
      headers: { 'x-api-key': app.adminKey },
    });
    const text = await response.text();
    expect(text).toMatch(
      /^taurine_visitor_page_views_total\{[^}]*route="\/alerts\/:id"[^}]*\} 1$/m,
    );
    expect(text).toMatch(/^taurine_feature_usage_total\{[^}]*feature="preset.serving"[^}]*\} 2$/m);
    expect(text).toMatch(
      /^taurine_business_affiliate_earnings_usd_total\{[^}]*supplier="red-bull-gmbh"/m,
    );
    expect(text).toMatch(/^taurine_business_cost_per_acquisition_usd\{/m);
  });
});
