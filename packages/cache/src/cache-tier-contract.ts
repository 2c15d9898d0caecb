/**
 * The one contract every {@link CacheTier} meets, as a reusable suite (BentoCache style): the same
 * tests run against the memory tier, the Redis tier and wrapped tiers.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheTier } from './cache-tier.ts';

export interface TierFixture {
  tier: CacheTier;
  /** Removes whatever the test stored and releases connections. */
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeCacheTierContract(label: string, setup: () => Promise<TierFixture>): void {
  describe(`CacheTier contract: ${label}`, () => {
    let fixture: TierFixture;
    let tier: CacheTier;

    beforeEach(async () => {
      fixture = await setup();
      tier = fixture.tier;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('reports itself up under a name', () => {
      expect(tier.status()).toBe('up');
      expect(tier.name.length).toBeGreaterThan(0);
    });

    it('misses a key that was never set', async () => {
      expect(await tier.get('never:set')).toBeUndefined();
    });

    it('returns JSON values as stored, with the time they have left', async () => {
      const value = {
        name: 'Mango Loco',
        caffeineMg: 160,
        tags: ['tropical', null],
        ok: true,
        'ü€': 'ü€',
      };
      await tier.set('data:flavors:v1', value, 60_000);
      const entry = await tier.get('data:flavors:v1');
      expect(entry?.value).toEqual(value);
      expect(entry?.ttlMs).toBeGreaterThan(50_000);
      expect(entry?.ttlMs).toBeLessThanOrEqual(60_000);
      for (const scalar of ['text', 0, false, null]) {
        await tier.set('scalar', scalar, 60_000);
        expect((await tier.get('scalar'))?.value).toEqual(scalar);
      }
    });

    it('gives values back as JSON would (dates become strings, undefined fields vanish)', async () => {
      await tier.set('json', { at: new Date(0), gone: undefined }, 60_000);
      expect((await tier.get('json'))?.value).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    });

    it('overwrites a key and its TTL', async () => {
      await tier.set('k', 1, 60_000);
      await tier.set('k', 2, 30_000);
      const entry = await tier.get('k');
      expect(entry?.value).toBe(2);
      expect(entry?.ttlMs).toBeLessThanOrEqual(30_000);
    });

    it('forgets a key once its TTL has passed', async () => {
      await tier.set('short', 'lived', 30);
      await tier.set('long', 'lived', 60_000);
      await sleep(80);
      expect(await tier.get('short')).toBeUndefined();
      expect((await tier.get('long'))?.value).toBe('lived');
    });

    it('reads many keys in order, with undefined for misses', async () => {
      await tier.set('a', 'A', 60_000);
      await tier.set('c', 'C', 60_000);
      const entries = await tier.getMany(['a', 'b', 'c', 'a']);
      expect(entries.map((entry) => entry?.value)).toEqual(['A', undefined, 'C', 'A']);
      expect(await tier.getMany([])).toEqual([]);
    });

    it('deletes a key and says whether it was there', async () => {
      await tier.set('k', 1, 60_000);
      expect(await tier.delete('k')).toBe(true);
      expect(await tier.get('k')).toBeUndefined();
      expect(await tier.delete('k')).toBe(false);
    });

    it('clears by glob: * is any run, ? one character, everything else literal', async () => {
      const keys = [
        'data:flavors:v1',
        'data:flavors:v2',
        'data:sizes:v1',
        'search:x:v1',
        'data:[a]1',
        'data:a1',
      ];
      for (const key of keys) await tier.set(key, key, 60_000);
      expect(await tier.clear('data:flavors:v?')).toBe(2);
      expect(await tier.clear('data:[a]*')).toBe(1);
      expect(await tier.clear('nothing:*')).toBe(0);
      const left = await tier.getMany(keys);
      expect(left.map((entry) => entry?.value)).toEqual([
        undefined,
        undefined,
        'data:sizes:v1',
        'search:x:v1',
        undefined,
        'data:a1',
      ]);
      expect(await tier.clear('*')).toBe(3);
      expect((await tier.size()).keys).toBe(0);
    });

    it('rejects absurd clear patterns with INVALID_PATTERN', async () => {
      await tier.set('k', 1, 60_000);
      for (const pattern of ['', '*'.repeat(10_000), 'a\r\n*']) {
        await expect(tier.clear(pattern)).rejects.toMatchObject({ code: 'INVALID_PATTERN' });
      }
      expect((await tier.get('k'))?.value).toBe(1);
    });

    it('treats __proto__ and friends as ordinary keys', async () => {
      await tier.set('__proto__', { polluted: true }, 60_000);
      await tier.set('constructor', 'c', 60_000);
      expect((await tier.get('__proto__'))?.value).toEqual({ polluted: true });
      expect((await tier.get('constructor'))?.value).toBe('c');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('rejects values JSON cannot hold and non-positive TTLs', async () => {
      await expect(tier.set('k', undefined, 1000)).rejects.toMatchObject({ code: 'INVALID_VALUE' });
      await expect(tier.set('k', 10n, 1000)).rejects.toMatchObject({ code: 'INVALID_VALUE' });
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expect(tier.set('k', cyclic, 1000)).rejects.toMatchObject({ code: 'INVALID_VALUE' });
      await expect(tier.set('k', 1, 0)).rejects.toMatchObject({ code: 'INVALID_TTL' });
      await expect(tier.set('k', 1, Number.NaN)).rejects.toMatchObject({ code: 'INVALID_TTL' });
      expect(await tier.get('k')).toBeUndefined();
    });

    it('reports key count and bytes', async () => {
      // Random text, so a compressing tier cannot shrink it below the bound checked here.
      await tier.set('a', randomBytes(1000).toString('base64'), 60_000);
      await tier.set('b', 'y', 60_000);
      const size = await tier.size();
      expect(size.keys).toBe(2);
      expect(size.bytes).toBeGreaterThan(1000);
    });

    it('answers a ping', async () => {
      await expect(tier.ping()).resolves.toBeUndefined();
    });
  });
}
