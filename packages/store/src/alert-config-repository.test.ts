import { BUILT_IN_RULES } from '@taurine/monitor';
import type { AlertRule } from '@taurine/monitor';
import { describe, expect, it } from 'vitest';
import type { StoredChannel } from './alert-config-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

function channel(overrides: Partial<StoredChannel> = {}): StoredChannel {
  return {
    id: 'ch-1',
    name: 'ops-webhook',
    type: 'webhook',
    config: { url: 'https://hooks.example.com/T000/secret-token', secret: 's3cret-hmac' },
    enabled: true,
    source: 'api',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

describe.each(storeHarnesses)('AlertConfigRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('seeds built-in rules once, keeping edits and adding rules that are missing', async () => {
    expect(await store.alertConfig.seedRules(BUILT_IN_RULES, T0)).toHaveLength(
      BUILT_IN_RULES.length,
    );
    const edited: AlertRule = { ...BUILT_IN_RULES[0]!, threshold: 0.3, enabled: false };
    await store.alertConfig.saveRule(edited, T0 + 1);
    await store.alertConfig.deleteRule(BUILT_IN_RULES[1]!.id);

    expect(await store.alertConfig.seedRules(BUILT_IN_RULES, T0 + 2)).toEqual([
      BUILT_IN_RULES[1]!.id,
    ]);
    expect(await store.alertConfig.getRule(edited.id)).toEqual(edited);
    expect(await store.alertConfig.listRules()).toHaveLength(BUILT_IN_RULES.length);
  });

  it('round-trips rules and deletes them', async () => {
    const rule: AlertRule = {
      id: 'custom.latency',
      name: 'Slow checkout',
      metric: 'api.responseTime',
      tags: { endpoint: '/checkout' },
      stat: 'p99',
      window: '15m',
      comparison: '>=',
      threshold: 1234.5,
      severity: 'critical',
      forMs: 60_000,
      keepFiringForMs: 0,
      noDataState: 'ok',
      enabled: true,
      builtIn: false,
    };
    await store.alertConfig.saveRule(rule, T0);
    expect(await store.alertConfig.listRules()).toEqual([rule]);
    expect(await store.alertConfig.deleteRule(rule.id)).toBe(true);
    expect(await store.alertConfig.deleteRule(rule.id)).toBe(false);
    expect(await store.alertConfig.getRule(rule.id)).toBeUndefined();
  });

  it('stores silences, keeping the creation time when one is edited', async () => {
    const silence = {
      id: 'sil-1',
      matchers: [{ name: 'alertname', value: 'Heap memory above 40 MB' }],
      startsAt: T0,
      endsAt: T0 + 3_600_000,
      comment: 'deploying',
      createdBy: 'alice',
    };
    await store.alertConfig.saveSilence(silence, T0);
    const edited = await store.alertConfig.saveSilence({ ...silence, comment: 'longer' }, T0 + 5);
    expect(edited).toEqual({ ...silence, comment: 'longer', createdAt: T0, updatedAt: T0 + 5 });
    expect(await store.alertConfig.listSilences()).toEqual([edited]);
    expect(await store.alertConfig.deleteSilence('sil-1')).toBe(true);
    expect(await store.alertConfig.listSilences()).toEqual([]);
  });

  it('keeps channel names unique on create and update, and keeps the secret config', async () => {
    expect(await store.alertConfig.createChannel(channel())).toMatchObject({ ok: true });
    expect(await store.alertConfig.createChannel(channel({ id: 'ch-2' }))).toMatchObject({
      ok: false,
      code: 'name-taken',
    });
    await store.alertConfig.createChannel(
      channel({ id: 'ch-2', name: 'env-slack', type: 'slack', source: 'env', config: {} }),
    );
    expect(
      await store.alertConfig.updateChannel('ch-2', {
        name: 'ops-webhook',
        config: {},
        enabled: true,
        updatedAt: T0 + 1,
      }),
    ).toMatchObject({ ok: false, code: 'name-taken' });
    expect(
      await store.alertConfig.updateChannel('missing', {
        name: 'x',
        config: {},
        enabled: true,
        updatedAt: T0 + 1,
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });

    const updated = await store.alertConfig.updateChannel('ch-1', {
      name: 'ops-webhook-2',
      config: { url: 'https://hooks.example.com/new' },
      enabled: false,
      updatedAt: T0 + 2,
    });
    expect(updated).toEqual({
      ok: true,
      channel: channel({
        name: 'ops-webhook-2',
        config: { url: 'https://hooks.example.com/new' },
        enabled: false,
        updatedAt: T0 + 2,
      }),
    });
    expect((await store.alertConfig.listChannels()).map((stored) => stored.name)).toEqual([
      'env-slack',
      'ops-webhook-2',
    ]);
    expect(await store.alertConfig.deleteChannel('ch-1')).toBe(true);
    expect(await store.alertConfig.getChannel('ch-1')).toBeUndefined();
  });
});
