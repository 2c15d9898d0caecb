import { describe, expect, it } from 'vitest';
import { MemoryTier } from './memory-tier.ts';
import { optimizeMemoryTier } from './optimize-memory.ts';

/** A tier on a manual clock with 10 entries of about 1 kB, the first 4 expiring after 10 ms. */
function filledTier() {
  let now = 1_000;
  const tier = new MemoryTier({ maxBytes: 1_000_000, clock: () => now });
  for (let i = 0; i < 10; i++) tier.setSync(`k${i}`, 'x'.repeat(1000), i < 4 ? 10 : 60_000);
  return {
    tier,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('optimizeMemoryTier', () => {
  it('drops expired entries even in a tier far below its bound, and runs the GC', () => {
    const { tier, advance } = filledTier();
    advance(11);
    let collections = 0;
    let heap = 9_000;
    const result = optimizeMemoryTier(
      tier,
      {},
      {
        heapUsed: () => (heap -= 1_000),
        collectGarbage: () => {
          collections++;
        },
      },
    );
    expect(collections).toBe(1);
    expect(result).toMatchObject({
      gcRan: true,
      heapBytesBefore: 8_000,
      heapBytesAfter: 7_000,
      expiredEntriesRemoved: 4,
      trimmedEntriesRemoved: 0,
      entriesRemoved: 4,
    });
    expect(result.tierBytesAfter).toBeLessThan(result.tierBytesBefore);
    expect(tier.sizeSync().keys).toBe(6);
  });

  it('trims live entries, least recently used first, to the share of the bound asked for', () => {
    const { tier } = filledTier();
    tier.getSync('k0');
    const result = optimizeMemoryTier(
      tier,
      { targetShare: 0.002 },
      { heapUsed: () => 0, collectGarbage: undefined },
    );
    expect(result.tierBytesAfter).toBeLessThanOrEqual(2_000);
    expect(result.trimmedEntriesRemoved).toBeGreaterThanOrEqual(8);
    expect(tier.getSync('k0')).toBeDefined();
    expect(result.gcRan).toBe(typeof (globalThis as { gc?: unknown }).gc === 'function');
  });

  it('refuses a share outside 0..1, trimming nothing', () => {
    const { tier } = filledTier();
    for (const targetShare of [-0.1, 1.5, Number.NaN]) {
      expect(() =>
        optimizeMemoryTier(tier, { targetShare }, { heapUsed: () => 0, collectGarbage: undefined }),
      ).toThrow('optimizeMemory: targetShare must be from 0 to 1');
    }
    expect(tier.sizeSync().keys).toBe(10);
  });
});
