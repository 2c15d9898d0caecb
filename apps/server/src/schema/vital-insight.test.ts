import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

describe('vitals per deployment and top offenders', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ SERVICE_VERSION: '3.1.0', COLLECT_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('gives the p75 of each vital while the deployment serves, and the worst elements first', async () => {
    const { registry } = app.services.metrics;
    for (let i = 0; i < 20; i++) {
      registry.distribution('webvitals.LCP', 2000 + i, { route: '/' });
      registry.distribution('webvitals.targets.LCP', 3000 + i, { route: '/', target: 'img.hero' });
      registry.distribution('webvitals.targets.LCP', 900, { route: '/', target: 'h1' });
    }
    const { data } = await app.graphql<{
      deploymentVitals: {
        deployment: { version: string };
        lcp: number | null;
        inp: number | null;
      }[];
      vitalOffenders: { target: string; count: number; p75: number }[];
    }>(`{
      deploymentVitals { deployment { version } lcp inp }
      vitalOffenders(vital: LCP, window: LAST_1H) { target count p75 }
    }`);
    expect(data?.deploymentVitals).toHaveLength(1);
    expect(data?.deploymentVitals[0]).toMatchObject({
      deployment: { version: '3.1.0' },
      inp: null,
    });
    expect(data?.deploymentVitals[0]?.lcp).toBeGreaterThan(2000);
    expect(data?.vitalOffenders.map((o) => [o.target, o.count])).toEqual([
      ['img.hero', 20],
      ['h1', 20],
    ]);
    const bad = await app.graphql('{ vitalOffenders(vital: INP, first: 500) { target } }');
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
