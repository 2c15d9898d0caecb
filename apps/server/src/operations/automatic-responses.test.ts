import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TieredCache } from '@taurine/cache';
import { createManualClock } from '@taurine/monitor';
import type { AutomaticResponseName, ResponseSignals } from '@taurine/monitor/operations';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditRecorder } from '../access/audit.ts';
import type { AlertEvent } from '../alerting/alert-events.ts';
import { createCacheOperations } from '../cache/cache-operations.ts';
import { DEFAULT_WARM_KEYS, createCatalogService } from '../catalog/catalog-service.ts';
import { createAutomaticResponses } from './automatic-responses.ts';
import { createLoadShedder } from './load-shedder.ts';
import { createResponseActions } from './response-actions.ts';

const T0 = 1_767_225_600_000;
const CALM: ResponseSignals = {
  cacheHitRate: 0.95,
  cacheLookups: 500,
  heapUsedRatio: 0.3,
  errorRate: 0,
  eventLoopP99Ms: 10,
  cacheFamilies: [],
};
/** Signals that make each response's condition hold. */
const TRIGGER: Record<AutomaticResponseName, Partial<ResponseSignals>> = {
  rewarmCache: { cacheHitRate: 0.1, cacheLookups: 200 },
  relieveMemory: { heapUsedRatio: 0.93 },
  shedLoad: { errorRate: 0.25 },
  raiseTtl: { cacheFamilies: [{ family: 'search', loadsPerHour: 400, ttlMs: 300_000 }] },
};

let dataDir: string;
let store: Store;
let cache: TieredCache;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'taurine-responses-'));
  store = await openStore({ dataDir });
  await store.migrate();
  cache = new TieredCache();
});
afterEach(async () => {
  await cache.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The service over a real store, cache, catalogue, audit log and shedder, on a manual clock. */
function setup() {
  const clock = createManualClock(T0);
  let signals = CALM;
  const shedder = createLoadShedder(() => clock.now());
  const catalog = createCatalogService(cache);
  const events: AlertEvent[] = [];
  const responses = createAutomaticResponses({
    repo: store.automaticResponses,
    readSignals: () => signals,
    actions: createResponseActions({
      cache,
      cacheOps: createCacheOperations(cache, catalog),
      shedUntil: (until) => {
        shedder.shedUntil(until);
      },
      setFamilyTtl: (family, ttlMs) => {
        cache.setFamilyTtl(family, ttlMs);
      },
    }),
    audit: createAuditRecorder({ repo: store.auditLog, now: () => clock.now() }),
    publish: (event) => events.push(event),
    clock,
    instanceId: 'a',
    sustainMs: 30_000,
  });
  const admin = { name: 'root', role: 'admin' };
  return {
    clock,
    shedder,
    events,
    responses,
    admin,
    set: (next: Partial<ResponseSignals>) => {
      signals = { ...CALM, ...next };
    },
    /** Evaluates and returns the decision of `name`. */
    decide: async (name: AutomaticResponseName) =>
      (await responses.evaluate()).find((result) => result.name === name)!.decision,
  };
}

/** What the live action should have changed, per response. */
const effect: Record<AutomaticResponseName, (s: ReturnType<typeof setup>) => Promise<boolean>> = {
  rewarmCache: async () => (await cache.get(DEFAULT_WARM_KEYS[0]!)) !== undefined,
  relieveMemory: async () => {
    const [run] = await store.automaticResponses.listRuns({ name: 'relieveMemory', limit: 1 });
    return typeof (run?.details as { heapBytesAfter?: number }).heapBytesAfter === 'number';
  },
  shedLoad: (s) => Promise.resolve(s.shedder.active()),
  raiseTtl: () => Promise.resolve(cache.familyTtl('search') === 600_000),
};

describe.each(Object.keys(TRIGGER) as AutomaticResponseName[])('automatic response %s', (name) => {
  it('stays off by default, and waits for its condition to be sustained', async () => {
    const s = setup();
    s.set(TRIGGER[name]);
    expect(await s.decide(name)).toMatchObject({ kind: 'hold', reason: 'disabled' });
    await s.responses.configure(name, { enabled: true }, s.admin);
    expect(await s.decide(name)).toMatchObject({ kind: 'hold', reason: 'sustaining' });
  });

  it('in dry-run mode records and audits the figures but changes nothing', async () => {
    const s = setup();
    await s.responses.configure(name, { enabled: true, dryRun: true }, s.admin);
    s.set(TRIGGER[name]);
    await s.decide(name);
    s.clock.advance(30_000);
    expect(await s.decide(name)).toMatchObject({ kind: 'act', mode: 'dry-run' });
    expect(await effect[name](s)).toBe(false);
    const [entry] = await store.auditLog.list({ limit: 5, action: `automaticResponse:${name}` });
    expect(entry).toMatchObject({
      actorName: 'automatic-response',
      actorRole: 'system',
      result: 'ok',
      arguments: { mode: 'dry-run' },
    });
    expect(Object.keys((entry!.details as { figures: object }).figures).length).toBeGreaterThan(0);
    expect(s.events.map((event) => event.alert.alert.tags)).toEqual([
      { response: name, mode: 'dry-run' },
    ]);
  });

  it('in live mode acts once per episode, with an audit entry holding the triggering figures', async () => {
    const s = setup();
    await s.responses.configure(name, { enabled: true }, s.admin);
    s.set(TRIGGER[name]);
    await s.decide(name);
    s.clock.advance(30_000);
    expect(await s.decide(name)).toMatchObject({ kind: 'act', mode: 'live' });
    expect(await effect[name](s)).toBe(true);
    s.clock.advance(60_000);
    expect(await s.decide(name)).toMatchObject({ kind: 'hold', reason: 'same-episode' });
    const entries = await store.auditLog.list({ limit: 5, action: `automaticResponse:${name}` });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ result: 'ok', arguments: { mode: 'live' } });
    const [run] = await s.responses.history(name, 5);
    expect(run).toMatchObject({ mode: 'live', outcome: 'ok', instanceId: 'a' });
    expect(run!.figures).toEqual((entries[0]!.details as { figures: object }).figures);
  });
});

describe('cooldown and hourly cap', () => {
  /** Clears the condition, then holds it again long enough: a new episode. */
  const nextEpisode = async (s: ReturnType<typeof setup>, gapMs: number) => {
    s.set({});
    await s.decide('shedLoad');
    s.clock.advance(gapMs);
    s.set(TRIGGER.shedLoad);
    await s.decide('shedLoad');
    s.clock.advance(30_000);
    return s.decide('shedLoad');
  };

  it('holds a new episode within the cooldown and acts after it', async () => {
    const s = setup();
    await s.responses.configure('shedLoad', { enabled: true, cooldownMs: 600_000 }, s.admin);
    expect(await nextEpisode(s, 0)).toMatchObject({ kind: 'act' });
    expect(await nextEpisode(s, 60_000)).toMatchObject({ kind: 'hold', reason: 'cooldown' });
    expect(await nextEpisode(s, 600_000)).toMatchObject({ kind: 'act' });
  });

  it('holds past its per-hour cap', async () => {
    const s = setup();
    await s.responses.configure(
      'shedLoad',
      { enabled: true, cooldownMs: 10_000, maxPerHour: 2 },
      s.admin,
    );
    expect(await nextEpisode(s, 0)).toMatchObject({ kind: 'act' });
    expect(await nextEpisode(s, 0)).toMatchObject({ kind: 'act' });
    expect(await nextEpisode(s, 0)).toMatchObject({ kind: 'hold', reason: 'hourly-cap' });
    expect(await s.responses.history('shedLoad', 10)).toHaveLength(2);
  });

  it('refuses settings out of range with the field and the bounds', async () => {
    const s = setup();
    expect(await s.responses.configure('shedLoad', { maxPerHour: 0 }, s.admin)).toEqual({
      ok: false,
      field: 'maxPerHour',
      message: 'maxPerHour must be an integer from 1 to 60 (got 0)',
    });
    expect((await s.responses.list()).find((r) => r.name === 'shedLoad')?.settings.enabled).toBe(
      false,
    );
  });
});
