import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import type { AlertEvent } from '../../apps/server/src/alerting/alert-events.ts';
import { createTestApp, createTestAppPair } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { waitUntil } from '../testing/wait-until.ts';

// A tick every 200 ms, and a response may act on the first tick its condition holds.
const FAST = {
  COLLECT_INTERVAL_MS: '200',
  AUTOMATIC_RESPONSE_SUSTAIN_MS: '0',
  CACHE_WARM_ON_START: 'false',
};

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.dispose();
});

/** Visitors searching for things nobody searched before: every lookup misses the cache. */
async function coldLoad(app: TestApp, lookups = 60): Promise<void> {
  for (let index = 0; index < lookups; index++) {
    const response = await app.graphql(
      `{ flavors(filter: { search: "cold-${index}-${Math.random().toString(36).slice(2)}" }) { totalCount } }`,
      undefined,
      { 'x-api-key': '' },
    );
    expect(response.errors).toBeUndefined();
  }
}

const rewarmRuns = (app: TestApp) =>
  app.services.store.automaticResponses.listRuns({ name: 'rewarmCache', limit: 10 });
const rewarmAudit = (app: TestApp) =>
  app.services.store.auditLog.list({ limit: 10, action: 'automaticResponse:rewarmCache' });

interface SuggestionsData {
  suggestions: { id: string; rule: string; evidence: { label: string; value: number }[] }[];
}

describe('a cold cache under load', () => {
  it('is only suggested while the rewarmCache response is off', async () => {
    const app = await createTestApp(FAST);
    apps.push(app);
    await app.start();
    await coldLoad(app);
    await waitUntil(async () => {
      const { data } = await app.graphql<SuggestionsData>(
        '{ suggestions { id rule evidence { label value } } }',
      );
      return data?.suggestions.some((s) => s.id === 'automaticResponse:rewarmCache') ?? false;
    });
    const { data } = await app.graphql<SuggestionsData>(
      '{ suggestions { id rule evidence { label value } } }',
    );
    const suggestion = data!.suggestions.find((s) => s.id === 'automaticResponse:rewarmCache')!;
    expect(suggestion.evidence.find((e) => e.label === 'hitRate')!.value).toBeLessThan(0.5);
    expect(await rewarmRuns(app)).toEqual([]);
    expect(await rewarmAudit(app)).toEqual([]);
  });

  it('is cleared and re-warmed automatically, with an audit entry and an alert event, when it is on', async () => {
    const app = await createTestApp(FAST);
    apps.push(app);
    const enabled = await app.graphql<{
      enableAutomaticResponse: { enabled: boolean; dryRun: boolean };
    }>(
      'mutation { enableAutomaticResponse(name: REWARM_CACHE) { ... on AutomaticResponse { enabled dryRun } } }',
    );
    expect(enabled.data?.enableAutomaticResponse).toEqual({ enabled: true, dryRun: false });
    const events: AlertEvent[] = [];
    const subscription = app.services.pubsub.subscribe('alertEvent');
    void (async () => {
      for await (const event of subscription) events.push(event);
    })();
    await app.start();
    await coldLoad(app);
    await waitUntil(async () => (await rewarmRuns(app)).some((run) => run.outcome !== 'claimed'));
    const [run] = await rewarmRuns(app);
    expect(run).toMatchObject({
      mode: 'live',
      outcome: 'ok',
      instanceId: app.services.config.instanceId,
    });
    expect((run!.details as { warmed: number }).warmed).toBeGreaterThan(0);
    const [entry] = await rewarmAudit(app);
    expect(entry).toMatchObject({
      actorName: 'automatic-response',
      actorRole: 'system',
      result: 'ok',
    });
    const figures = (entry!.details as { figures: { hitRate: number; lookups: number } }).figures;
    expect(figures.hitRate).toBeLessThan(0.5);
    expect(figures.lookups).toBeGreaterThanOrEqual(50);
    await waitUntil(() => events.some((event) => event.type === 'responded'));
    expect(events.find((event) => event.type === 'responded')!.alert.alert.ruleId).toBe(
      'automatic-response:rewarmCache',
    );
    await subscription.return();
    const history = await app.graphql<{ responseHistory: { outcome: string; mode: string }[] }>(
      '{ responseHistory(name: REWARM_CACHE) { outcome mode } }',
    );
    expect(history.data?.responseHistory).toEqual([{ outcome: 'ok', mode: 'live' }]);
  });
});

describe('two instances behind one Redis', () => {
  const prefix = uniqueRedisPrefix();

  it('re-warm once per episode: only the leader acts', async () => {
    const [first, second] = await createTestAppPair({
      ...FAST,
      REDIS_URL: SHARED_REDIS_URL,
      REDIS_PREFIX: prefix,
    });
    try {
      await first.graphql(
        'mutation { enableAutomaticResponse(name: REWARM_CACHE) { __typename } }',
      );
      await Promise.all([first.start(), second.start()]);
      await Promise.all([coldLoad(first), coldLoad(second)]);
      await waitUntil(async () => (await rewarmRuns(first)).some((run) => run.outcome === 'ok'));
      // Let both instances tick a few more times with the condition still holding.
      const after = Date.now();
      await waitUntil(
        () =>
          (first.services.collector.latest()?.at ?? 0) > after + 1000 &&
          (second.services.collector.latest()?.at ?? 0) > after + 1000,
      );
      expect(await rewarmRuns(first)).toHaveLength(1);
      expect(await rewarmAudit(first)).toHaveLength(1);
    } finally {
      await second.dispose();
      await first.dispose();
      await deleteRedisKeys(prefix);
    }
  });
});
