import { describe, expect, it } from 'vitest';
import type { NewResponseRun } from './automatic-response-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;

const run = (overrides: Partial<NewResponseRun> = {}): NewResponseRun => ({
  name: 'rewarmCache',
  episode: `rewarmCache:${T0}`,
  mode: 'live',
  at: T0,
  instanceId: 'a',
  subject: null,
  figures: { hitRate: 0.12, lookups: 400 },
  ...overrides,
});

describe.each(storeHarnesses)('AutomaticResponseRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('creates and replaces a response’s settings', async () => {
    expect(await store.automaticResponses.listSettings()).toEqual([]);
    const settings = {
      name: 'shedLoad',
      enabled: true,
      dryRun: true,
      cooldownMs: 600_000,
      maxPerHour: 3,
      updatedAt: T0,
      updatedBy: 'admin',
    };
    await store.automaticResponses.saveSettings(settings);
    await store.automaticResponses.saveSettings({ ...settings, dryRun: false, updatedAt: T0 + 1 });
    expect(await store.automaticResponses.listSettings()).toEqual([
      { ...settings, dryRun: false, updatedAt: T0 + 1 },
    ]);
  });

  it('lets one claim of an episode and mode win, and stores its outcome and figures', async () => {
    const won = await store.automaticResponses.claimRun(run());
    expect(won).toMatchObject({ outcome: 'claimed', figures: { hitRate: 0.12, lookups: 400 } });
    expect(await store.automaticResponses.claimRun(run({ instanceId: 'b' }))).toBeNull();
    expect(await store.automaticResponses.claimRun(run({ mode: 'dry-run' }))).not.toBeNull();
    await store.automaticResponses.finishRun(won!.id, 'ok', { warmed: 4 });
    const [, live] = await store.automaticResponses.listRuns({ name: 'rewarmCache', limit: 10 });
    expect(live).toMatchObject({ instanceId: 'a', outcome: 'ok', details: { warmed: 4 } });
  });

  it('counts the last hour’s runs and remembers the episode', async () => {
    await store.automaticResponses.claimRun(run({ episode: 'e1', at: T0 - 2 * 3_600_000 }));
    await store.automaticResponses.claimRun(run({ episode: 'e2', at: T0 - 600_000 }));
    await store.automaticResponses.claimRun(run({ episode: 'e3', at: T0 - 60_000 }));
    await store.automaticResponses.claimRun(run({ name: 'shedLoad', episode: 'x', at: T0 }));
    expect(await store.automaticResponses.facts('rewarmCache', 'e3', 'live', T0)).toEqual({
      lastActedAt: T0 - 60_000,
      actedInLastHour: 2,
      actedInEpisode: true,
    });
    expect(await store.automaticResponses.facts('relieveMemory', 'e9', 'live', T0)).toEqual({
      lastActedAt: null,
      actedInLastHour: 0,
      actedInEpisode: false,
    });
  });

  it('refuses a bad limit with a clear error', async () => {
    await expect(store.automaticResponses.listRuns({ limit: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
