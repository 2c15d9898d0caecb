import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ CACHE_WARM_ON_START: 'false' });
});
afterAll(() => app.dispose());

interface Tier {
  name: string;
  location: string;
  status: string;
  hits: number;
  misses: number;
  hitRate: number | null;
  keys: number | null;
}

const CACHES =
  '{ caches { hitRate requests tiers { name location status hits misses hitRate keys } } }';
const tier = async (name: string) =>
  (await app.graphql<{ caches: { tiers: Tier[] } }>(CACHES)).data!.caches.tiers.find(
    (t) => t.name === name,
  )!;

describe('caches and cache mutations', () => {
  it('serves the catalogue through the memory tier: a miss, then hits', async () => {
    for (let i = 0; i < 3; i += 1) await app.graphql('{ flavors(first: 3) { totalCount } }');
    const memory = await tier('memory');
    expect(memory).toMatchObject({ location: 'server', status: 'UP', misses: 1, hits: 2 });
    expect(memory.hitRate).toBeCloseTo(2 / 3);
    // No REDIS_URL: the Redis tier is reported, as disabled.
    expect((await tier('redis')).status).toBe('DISABLED');
    expect((await tier('localStorage')).location).toBe('browser');
  });

  it('clears by glob and reports how many keys went', async () => {
    await app.graphql('{ flavors(first: 3, filter: { category: COFFEE }) { totalCount } }');
    const before = (await tier('memory')).keys!;
    const result = await app.graphql<{ clearCache: { memory: number; redis: number | null } }>(
      'mutation { clearCache(pattern: "data:flavors:*") { ... on CacheClearReport { memory redis } } }',
    );
    expect(result.data!.clearCache).toEqual({ memory: 2, redis: null });
    expect((await tier('memory')).keys).toBe(before - 2);
  });

  it('rejects a pattern with too many wildcards as a typed validation error, clearing nothing', async () => {
    const keys = (await tier('memory')).keys;
    const result = await app.graphql<{
      clearCache: { __typename: string; errors: { field: string }[] };
    }>(
      `mutation { clearCache(pattern: "${'*a'.repeat(20)}") { __typename ... on ValidationError { errors { field } } } }`,
    );
    expect(result.data!.clearCache.__typename).toBe('ValidationError');
    expect(result.data!.clearCache.errors[0]!.field).toBe('pattern');
    expect((await tier('memory')).keys).toBe(keys);
  });

  it('deletes one key and warms the used keys back', async () => {
    await app.graphql('{ ingredients { id } }');
    const deleted = await app.graphql<{ deleteCacheKey: { deleted: boolean } }>(
      'mutation { deleteCacheKey(key: "data:ingredients:v1:all") { ... on CacheDeleteReport { deleted } } }',
    );
    expect(deleted.data!.deleteCacheKey.deleted).toBe(true);
    const warmed = await app.graphql<{ warmCache: { warmed: string[]; failed: unknown[] } }>(
      'mutation { warmCache(keys: ["data:ingredients:v1:all", "data:nothing:v1"]) { warmed failed { key message } } }',
    );
    expect(warmed.data!.warmCache.warmed).toEqual(['data:ingredients:v1:all']);
    expect(warmed.data!.warmCache.failed).toEqual([
      { key: 'data:nothing:v1', message: 'no loader for this key' },
    ]);
  });

  it('optimizes memory and reports before and after', async () => {
    const result = await app.graphql<{
      optimizeMemory: { tierBytesBefore: number; tierBytesAfter: number; gcRan: boolean };
    }>('mutation { optimizeMemory { tierBytesBefore tierBytesAfter gcRan entriesRemoved } }');
    const report = result.data!.optimizeMemory;
    expect(report.tierBytesAfter).toBeLessThanOrEqual(report.tierBytesBefore);
    expect(typeof report.gcRan).toBe('boolean');
  });

  it('runs a full GC without --expose-gc and trims to the share asked for', async () => {
    // This runner, like `npm start` (tsx), starts Node without --expose-gc.
    expect(process.execArgv.join(' ')).not.toContain('expose-gc');
    for (let i = 0; i < 3; i += 1) await app.graphql('{ flavors(first: 3) { totalCount } }');
    await app.graphql('{ ingredients { id } }');
    const keys = (await tier('memory')).keys!;
    expect(keys).toBeGreaterThanOrEqual(2);
    // Garbage the GC can reclaim: about 20 MB of short-lived objects.
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` }));
    expect(garbage.length).toBe(200_000);
    garbage = null;
    const result = await app.graphql<{
      optimizeMemory: {
        gcRan: boolean;
        heapBytesBefore: number;
        heapBytesAfter: number;
        tierBytesBefore: number;
        tierBytesAfter: number;
        entriesRemoved: number;
        expiredEntriesRemoved: number;
        trimmedEntriesRemoved: number;
      };
    }>(
      `mutation { optimizeMemory(targetShare: 0) { gcRan heapBytesBefore heapBytesAfter
        tierBytesBefore tierBytesAfter entriesRemoved expiredEntriesRemoved trimmedEntriesRemoved } }`,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.optimizeMemory;
    expect(report.gcRan).toBe(true);
    expect(report.heapBytesBefore).toBeGreaterThan(0);
    expect(report.heapBytesAfter).toBeGreaterThan(0);
    expect(report.heapBytesAfter).toBeLessThan(report.heapBytesBefore);
    expect(report.tierBytesBefore).toBeGreaterThan(0);
    expect(report.tierBytesAfter).toBe(0);
    expect(report.trimmedEntriesRemoved).toBe(keys);
    expect(report.entriesRemoved).toBe(report.expiredEntriesRemoved + keys);
    expect((await tier('memory')).keys).toBe(0);
  });

  it('refuses a share outside 0..1 as bad input, trimming nothing', async () => {
    await app.graphql('{ ingredients { id } }');
    const keys = (await tier('memory')).keys;
    const result = await app.graphql('mutation { optimizeMemory(targetShare: 2) { gcRan } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe('targetShare must be from 0 to 1');
    expect((await tier('memory')).keys).toBe(keys);
  });
});

describe('REST facade /api/performance', () => {
  it('reports with its report, cache-control and response-time headers', async () => {
    const response = await app.yoga.fetch('http://localhost/api/performance?report=metrics', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-performance-report')).toBe('metrics');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-response-time')).toMatch(/ms$/);
    const body = (await response.json()) as { metrics: Record<string, { count: number }> };
    expect(body.metrics['api.responseTime']!.count).toBeGreaterThan(0);
  });

  it('needs an operator key to act', async () => {
    const viewer = await app.createKey('viewer');
    const refused = await app.yoga.fetch('http://localhost/api/performance', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': viewer },
      body: JSON.stringify({ action: 'clear', pattern: 'data:*' }),
    });
    expect(refused.status).toBe(403);
    const optimize = await app.yoga.fetch('http://localhost/api/performance?optimize=true', {
      headers: { 'x-api-key': viewer },
    });
    expect(optimize.status).toBe(403);
  });

  it('maps POST actions onto the same cache operations', async () => {
    await app.graphql('{ flavors(first: 1) { totalCount } }');
    const post = (body: unknown) =>
      app.yoga.fetch('http://localhost/api/performance', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': app.adminKey },
        body: JSON.stringify(body),
      });
    const cleared = await post({ action: 'clear', pattern: 'data:*' });
    expect(await cleared.json()).toMatchObject({ pattern: 'data:*', redis: null });
    expect((await post({ action: 'delete' })).status).toBe(400);
    expect((await post({ action: 'explode' })).status).toBe(400);
    const warmed = (await (
      await post({ action: 'warm', key: 'data:flavors:v2:active', ttl: 60 })
    ).json()) as { warmed: string[] };
    expect(warmed.warmed).toEqual(['data:flavors:v2:active']);
  });
});
