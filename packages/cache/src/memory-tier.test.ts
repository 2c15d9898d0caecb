import { describe, expect, it } from 'vitest';
import { MemoryTier } from './memory-tier.ts';
import { manualClock } from './testing/tiered-cache-harness.ts';

/** JSON text of `bytes` bytes that compresses well. */
const repetitive = (bytes: number) => ({
  rows: 'caffeine-taurine-'.repeat(Math.ceil(bytes / 17)).slice(0, bytes),
});

describe('MemoryTier', () => {
  it('expires entries on an injected clock, without waiting', async () => {
    const time = manualClock();
    const tier = new MemoryTier({ clock: time.clock });
    tier.setSync('search:caffeine:v1', ['Mango Loco'], 300_000);
    time.advance(299_999);
    expect(tier.getSync('search:caffeine:v1')).toEqual(['Mango Loco']);
    expect((await tier.get('search:caffeine:v1'))?.ttlMs).toBe(1);
    time.advance(2);
    expect(tier.getSync('search:caffeine:v1')).toBeUndefined();
    expect(tier.sizeSync().keys).toBe(0);
  });

  it('stays within maxBytes by evicting the least recently used entries, and counts them', () => {
    const evicted: string[] = [];
    const tier = new MemoryTier({ maxBytes: 1000, onEvict: (key) => evicted.push(key) });
    for (let i = 0; i < 10; i++) tier.setSync(`k${i}`, 'x'.repeat(200), 60_000);
    expect(tier.sizeSync().bytes).toBeLessThanOrEqual(1000);
    expect(tier.usage().evictions).toBe(evicted.length);
    expect(evicted.slice(0, 2)).toEqual(['k0', 'k1']);
    expect(tier.getSync('k9')).toBe('x'.repeat(200));
  });

  it('does not count deletes, overwrites or expiry as evictions', () => {
    const time = manualClock();
    const tier = new MemoryTier({ clock: time.clock });
    tier.setSync('a', 1, 10);
    tier.setSync('a', 2, 10);
    tier.setSync('b', 1, 10);
    tier.deleteSync('b');
    time.advance(20);
    expect(tier.getSync('a')).toBeUndefined();
    expect(tier.usage().evictions).toBe(0);
  });

  it('returns but does not keep an entry larger than maxEntryBytes', () => {
    const tier = new MemoryTier({ maxBytes: 10_000, maxEntryBytes: 100 });
    tier.setSync('big', 'small', 60_000);
    expect(tier.setSync('big', 'x'.repeat(500), 60_000)).toBe('x'.repeat(500));
    expect(tier.getSync('big')).toBeUndefined();
  });

  it('compresses values above the threshold and counts the bytes saved', () => {
    for (const algorithm of ['deflate', 'brotli'] as const) {
      const tier = new MemoryTier({ compression: { algorithm, thresholdBytes: 1024 } });
      const large = repetitive(20_000);
      tier.setSync('large', large, 60_000);
      tier.setSync('small', repetitive(100), 60_000);
      expect(tier.getSync('large')).toEqual(large);
      const usage = tier.usage();
      expect(usage.compressedEntries).toBe(1);
      expect(usage.bytesSaved).toBeGreaterThan(15_000);
      expect(usage.bytesSavedTotal).toBe(usage.bytesSaved);
      expect(usage.compressionRatio).toBeGreaterThan(5);
      expect(tier.sizeSync().bytes).toBeLessThan(5_000);
      tier.deleteSync('large');
      expect(tier.usage()).toMatchObject({
        compressedEntries: 0,
        bytesSaved: 0,
        compressionRatio: 1,
      });
      expect(tier.usage().bytesSavedTotal).toBeGreaterThan(15_000);
    }
  });

  it('decodes a hot compressed value once, frozen like the others, until the entry changes', () => {
    const tier = new MemoryTier({ compression: { thresholdBytes: 1024 } });
    tier.setSync('flavors', repetitive(20_000), 60_000);
    const first = tier.getSync('flavors');
    expect(tier.getSync('flavors')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    const replaced = { ...repetitive(20_000), version: 2 };
    tier.setSync('flavors', replaced, 60_000);
    expect(tier.getSync('flavors')).toEqual(replaced);
    tier.deleteSync('flavors');
    expect(tier.getSync('flavors')).toBeUndefined();
  });

  it('keeps incompressible values as they are', () => {
    const tier = new MemoryTier({ compression: { thresholdBytes: 16 } });
    tier.setSync('k', 'a1', 60_000);
    tier.setSync(
      'random',
      Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97) % 256)).toString('base64'),
      60_000,
    );
    expect(tier.usage().compressedEntries).toBe(0);
  });

  it('hands out deep-frozen values so one reader cannot change what another reads', () => {
    const tier = new MemoryTier();
    const stored = tier.setSync('k', { list: [{ n: 1 }] }, 60_000) as { list: { n: number }[] };
    expect(() => {
      stored.list[0]!.n = 2;
    }).toThrow(TypeError);
    expect(tier.getSync('k')).toEqual({ list: [{ n: 1 }] });
    const original = { n: 1 };
    tier.setSync('copy', original, 60_000);
    original.n = 5;
    expect(tier.getSync('copy')).toEqual({ n: 1 });
    expect(Object.isFrozen(original)).toBe(false);
  });

  it('trims expired entries, then least recently used ones down to a target', () => {
    const time = manualClock();
    const tier = new MemoryTier({ maxBytes: 100_000, clock: time.clock });
    tier.setSync('expiring', 'x'.repeat(1000), 10);
    for (let i = 0; i < 50; i++) tier.setSync(`k${i}`, 'x'.repeat(1000), 60_000);
    tier.getSync('k0');
    time.advance(11);
    const result = tier.trim(10_000);
    expect(result.bytesBefore).toBeGreaterThan(50_000);
    expect(result.bytesAfter).toBeLessThanOrEqual(10_000);
    expect(result.removed).toBeGreaterThan(40);
    expect(tier.getSync('k0')).toBeDefined();
    expect(tier.usage()).toMatchObject({ evictions: 0 });
    expect(tier.usage().trimmed).toBeGreaterThan(40);
    expect(tier.trim().removed).toBe(0);
  });

  it('ranks keys by reads, remembers them after a clear, and stays bounded under one-off keys', () => {
    const tier = new MemoryTier({ popularKeysCapacity: 100 });
    const reads = { 'api:hot:v1': 20, 'api:warm:v1': 5, 'api:cold:v1': 0 };
    for (const [key, count] of Object.entries(reads)) {
      tier.setSync(key, key, 60_000);
      for (let i = 0; i < count; i++) tier.getSync(key);
    }
    expect(tier.has('api:cold:v1')).toBe(true);
    expect(tier.popularKeys(5)).toEqual(['api:hot:v1', 'api:warm:v1']);
    tier.clearSync('*');
    for (let i = 0; i < 10_000; i++) {
      tier.setSync(`search:${i}:v1`, i, 60_000);
      tier.getSync(`search:${i}:v1`);
      tier.deleteSync(`search:${i}:v1`);
    }
    expect(tier.popularKeys(2)).toEqual(['api:hot:v1', 'api:warm:v1']);
    expect(tier.popularKeys(1000).length).toBeLessThanOrEqual(100);
  });

  it('refuses bad options with exact messages', () => {
    expect(() => new MemoryTier({ maxBytes: 0 })).toThrow(
      'MemoryTier: maxBytes must be a positive integer',
    );
    expect(() => new MemoryTier({ maxBytes: 100, maxEntryBytes: 200 })).toThrow(
      'MemoryTier: maxEntryBytes must be a positive integer no larger than maxBytes',
    );
    expect(() => new MemoryTier({ compression: { thresholdBytes: -1 } })).toThrow(
      'MemoryTier: compression.thresholdBytes must be a positive integer',
    );
  });
});
