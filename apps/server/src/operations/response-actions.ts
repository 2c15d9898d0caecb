import type { CacheKeyFamily, TieredCache } from '@taurine/cache';
import { CACHE_TTL_PRESETS } from '@taurine/cache';
import type { AutomaticResponseName, ResponseCondition } from '@taurine/monitor/operations';
import { RESPONSE_TRIGGERS } from '@taurine/monitor/operations';
import type { CacheOperations } from '../cache/cache-operations.ts';
import { LOAD_SHEDDING_MS } from './load-shedder.ts';

/** Carries out a response live; resolves to what it did (stored with the run and in the audit log). */
export type ResponseAction = (condition: ResponseCondition, now: number) => Promise<unknown>;

/** What the actions act on. */
export interface ResponseActionTargets {
  cache: TieredCache;
  cacheOps: CacheOperations;
  /** Starts shedding on every instance until the given time. */
  shedUntil: (epochMs: number) => void;
  /** Sets a key family's TTL on every instance. */
  setFamilyTtl: (family: CacheKeyFamily, ttlMs: number) => void;
}

/** Share of the memory tier's bound kept by `relieveMemory`. */
export const RELIEVE_MEMORY_TARGET_SHARE = 0.5;
/** Pattern cleared by `rewarmCache` before warming: the catalogue's reference data. */
export const REWARM_CLEAR_PATTERN = 'data:*';

const isFamily = (name: string | null): name is CacheKeyFamily =>
  name !== null && Object.hasOwn(CACHE_TTL_PRESETS, name);

/** The live action of each automatic response. */
export function createResponseActions(
  targets: ResponseActionTargets,
): Record<AutomaticResponseName, ResponseAction> {
  const { cache, cacheOps } = targets;
  return {
    async rewarmCache() {
      const cleared = await cache.clear(REWARM_CLEAR_PATTERN);
      const warmed = await cacheOps.warm();
      return {
        cleared,
        warmed: warmed.warmed.length,
        skipped: warmed.skipped.length,
        failed: warmed.failed.length,
      };
    },
    relieveMemory() {
      return Promise.resolve(cache.optimizeMemory({ targetShare: RELIEVE_MEMORY_TARGET_SHARE }));
    },
    shedLoad(_condition, now) {
      const until = now + LOAD_SHEDDING_MS;
      targets.shedUntil(until);
      return Promise.resolve({ shedUntil: new Date(until).toISOString() });
    },
    raiseTtl(condition) {
      const family = condition.subject;
      if (!isFamily(family)) return Promise.resolve({ skipped: `unknown key family ${family}` });
      const before = cache.familyTtl(family);
      const after = Math.min(2 * before, RESPONSE_TRIGGERS.raiseTtl.maxTtlMs);
      targets.setFamilyTtl(family, after);
      return Promise.resolve({ family, ttlMsBefore: before, ttlMsAfter: after });
    },
  };
}
