import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { DEFAULT_RESPONSE_SETTINGS, responseConditions } from './automatic-response.ts';
import type { ResponseSignals } from './automatic-response.ts';
import { ResponseEpisodes, decideResponse } from './response-policy.ts';
import type { ResponseDecisionInput } from './response-policy.ts';

const T0 = 1_767_225_600_000;
const calm: ResponseSignals = {
  cacheHitRate: 0.95,
  cacheLookups: 1_000,
  heapUsedRatio: 0.4,
  errorRate: 0,
  eventLoopP99Ms: 20,
  cacheFamilies: [{ family: 'data', loadsPerHour: 2, ttlMs: 86_400_000 }],
};

describe('responseConditions', () => {
  it('holds for nothing on calm signals', () => {
    const conditions = responseConditions(calm);
    expect(Object.values(conditions).some((c) => c.holds)).toBe(false);
  });

  it('holds for each response past its limit, with the figures that triggered it', () => {
    const conditions = responseConditions({
      cacheHitRate: 0.1,
      cacheLookups: 400,
      heapUsedRatio: 0.9,
      errorRate: 0.2,
      eventLoopP99Ms: 30,
      cacheFamilies: [
        { family: 'search', loadsPerHour: 120, ttlMs: 300_000 },
        { family: 'api', loadsPerHour: 80, ttlMs: 600_000 },
      ],
    });
    expect(conditions.rewarmCache).toEqual({
      holds: true,
      figures: { hitRate: 0.1, lookups: 400 },
      subject: null,
    });
    expect(conditions.relieveMemory.figures).toEqual({ heapUsedRatio: 0.9 });
    expect(conditions.shedLoad.figures).toEqual({ errorRate: 0.2, eventLoopP99Ms: 30 });
    expect(conditions.raiseTtl).toMatchObject({ holds: true, subject: 'search' });
  });

  it('does not call a cache cold on a handful of lookups', () => {
    expect(
      responseConditions({ ...calm, cacheHitRate: 0, cacheLookups: 5 }).rewarmCache.holds,
    ).toBe(false);
  });

  it('sheds on event-loop delay alone', () => {
    expect(responseConditions({ ...calm, eventLoopP99Ms: 900 }).shedLoad.holds).toBe(true);
  });
});

describe('decideResponse', () => {
  const holds = { holds: true, figures: { hitRate: 0.1 }, subject: null };
  const input = (overrides: Partial<ResponseDecisionInput> = {}): ResponseDecisionInput => ({
    condition: holds,
    settings: { ...DEFAULT_RESPONSE_SETTINGS, enabled: true },
    episode: { id: 'rewarmCache:1', since: T0 },
    history: { lastActedAt: null, actedInLastHour: 0, actedInEpisode: false },
    now: T0 + 120_000,
    sustainMs: 60_000,
    ...overrides,
  });

  it('acts live, or in dry-run mode when set so', () => {
    expect(decideResponse(input())).toEqual({
      kind: 'act',
      mode: 'live',
      episode: 'rewarmCache:1',
    });
    expect(
      decideResponse(
        input({ settings: { ...DEFAULT_RESPONSE_SETTINGS, enabled: true, dryRun: true } }),
      ),
    ).toMatchObject({ kind: 'act', mode: 'dry-run' });
  });

  it('is quiet while the condition does not hold', () => {
    expect(
      decideResponse(input({ condition: { holds: false, figures: {}, subject: null } })),
    ).toEqual({
      kind: 'quiet',
    });
  });

  it('holds while disabled, while the condition is not yet sustained, and once per episode', () => {
    expect(decideResponse(input({ settings: DEFAULT_RESPONSE_SETTINGS }))).toMatchObject({
      reason: 'disabled',
    });
    expect(decideResponse(input({ now: T0 + 30_000 }))).toMatchObject({ reason: 'sustaining' });
    expect(
      decideResponse(
        input({
          history: { lastActedAt: T0 - 3_600_000, actedInLastHour: 0, actedInEpisode: true },
        }),
      ),
    ).toMatchObject({ reason: 'same-episode' });
  });

  it('holds within the cooldown and at the hourly cap', () => {
    const now = T0 + 120_000;
    expect(
      decideResponse(
        input({
          history: { lastActedAt: now - 60_000, actedInLastHour: 1, actedInEpisode: false },
        }),
      ),
    ).toMatchObject({ reason: 'cooldown' });
    expect(
      decideResponse(
        input({
          settings: {
            ...DEFAULT_RESPONSE_SETTINGS,
            enabled: true,
            cooldownMs: 10_000,
            maxPerHour: 2,
          },
          history: { lastActedAt: now - 60_000, actedInLastHour: 2, actedInEpisode: false },
        }),
      ),
    ).toMatchObject({ reason: 'hourly-cap' });
  });
});

describe('ResponseEpisodes', () => {
  it('keeps one episode while the condition holds and starts a new one after it cleared', () => {
    const clock = createManualClock(T0);
    const episodes = new ResponseEpisodes(clock);
    const first = episodes.observe('shedLoad', true);
    clock.advance(30_000);
    expect(episodes.observe('shedLoad', true)).toEqual(first);
    expect(episodes.observe('shedLoad', false)).toBeNull();
    clock.advance(30_000);
    expect(episodes.observe('shedLoad', true)).toEqual({
      id: `shedLoad:${T0 + 60_000}`,
      since: T0 + 60_000,
    });
  });
});
