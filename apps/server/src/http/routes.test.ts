import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
let webDistDir: string;
beforeAll(async () => {
  // A stand-in SPA build, so unknown paths have a page to fall back to.
  webDistDir = await mkdtemp(join(tmpdir(), 'taurine-routes-spa-'));
  await writeFile(join(webDistDir, 'index.html'), '<!doctype html><title>Taurine SPA</title>');
  app = await createTestApp({ CACHE_WARM_ON_START: 'false' }, { webDistDir });
});
afterAll(async () => {
  await app.dispose();
  await rm(webDistDir, { recursive: true, force: true });
});

const get = (path: string, key?: string) =>
  app.yoga.fetch(`http://localhost${path}`, { headers: key ? { 'x-api-key': key } : {} });

const graphqlAs = (key: string) =>
  app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: '{ caches { hitRate } }' }),
  });

describe('rate limits on every authenticated route', () => {
  it('refuses a third-party key on /metrics once its hourly budget, shared with GraphQL, is spent', async () => {
    const { key } = await app.services.apiKeys.create({
      name: 'scraper',
      role: 'viewer',
      rateLimitPolicy: 'third-party',
      createdBy: 'test',
    });
    const first = await get('/metrics', key);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('99');
    // 99 more from the same budget, half through GraphQL, half through the REST routes.
    for (let i = 0; i < 99; i += 1) {
      const response =
        i % 2 === 0
          ? await graphqlAs(key)
          : await get(i % 3 === 0 ? '/export.json' : '/metrics', key);
      expect(response.status).toBe(200);
    }
    for (const path of [
      '/metrics',
      '/export.csv',
      '/export.json',
      '/api/performance?report=basic',
    ]) {
      const refused = await get(path, key);
      expect(refused.status, path).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    }
    expect((await graphqlAs(key)).status).toBe(429);
    // Load balancers' probe stays unlimited; another key has its own budget.
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-ratelimit-limit')).toBeNull();
    expect((await get('/metrics', await app.createKey('viewer'))).status).toBe(200);
  });
});

describe('unknown API paths', () => {
  it('answer a JSON 404 while client-side routes still get the SPA', async () => {
    for (const path of ['/api/nope', '/api/performance/extra', '/api']) {
      const response = await get(path, app.adminKey);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: `No route for GET ${path}` });
    }
    const page = await get('/alerts');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Taurine SPA');
  });
});

describe('GET /api/performance?report=', () => {
  it('answers basic with the status, health score and key stats', async () => {
    await app.services.collector.tick();
    const response = await get('/api/performance?report=basic', app.adminKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-performance-report')).toBe('basic');
    const body = (await response.json()) as {
      status: string;
      healthScore: number;
      stats: Record<string, number | null>;
    };
    expect(body.status).toBe('ok');
    expect(body.healthScore).toBeGreaterThanOrEqual(0);
    expect(body.healthScore).toBeLessThanOrEqual(100);
    expect(Object.keys(body.stats).sort()).toEqual([
      'activeAlerts',
      'activeUsers',
      'cacheHitRate',
      'errorRate',
      'heapUsedMB',
      'requestsPerSecond',
      'responseTimeP95Ms',
    ]);
    expect(body.stats['heapUsedMB']).toBeGreaterThan(0);
    expect(body).not.toHaveProperty('metrics');
    expect(body).not.toHaveProperty('caches');
  });

  it('names the three reports when given another', async () => {
    const response = await get('/api/performance?report=everything', app.adminKey);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'report must be basic, full or metrics' });
  });
});

describe('cache actions through /api/performance', () => {
  it('are audited like the mutations, refusals with their reason', async () => {
    const operator = await app.createKey('operator', 'rest-bot');
    const post = (body: unknown) =>
      app.yoga.fetch('http://localhost/api/performance', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': operator },
        body: JSON.stringify(body),
      });
    expect((await post({ action: 'clear', pattern: 'data:flavors:*' })).status).toBe(200);
    expect((await post({ action: 'delete', key: '' })).status).toBe(400);
    expect((await get('/api/performance?optimize=true', operator)).status).toBe(200);
    const viewer = await app.createKey('viewer', 'nosy-viewer');
    expect((await get('/api/performance?warm=true', viewer)).status).toBe(403);

    const log = await app.graphql<{
      auditLog: { actorName: string; action: string; result: string; arguments: string }[];
    }>('{ auditLog(first: 4) { actorName action result arguments details } }');
    expect(log.data?.auditLog).toEqual([
      expect.objectContaining({
        actorName: 'nosy-viewer',
        action: 'rest:GET /api/performance',
        result: 'FORBIDDEN',
        arguments: JSON.stringify({ warm: 'true' }),
      }),
      expect.objectContaining({
        actorName: 'rest-bot',
        action: 'rest:optimizeMemory',
        result: 'ok',
        details: null,
      }),
      expect.objectContaining({
        actorName: 'rest-bot',
        action: 'rest:deleteCacheKey',
        result: 'VALIDATION_ERROR',
        arguments: JSON.stringify({ cacheKey: '' }),
        details: JSON.stringify({
          message: 'cache key must be a non-empty string',
          code: 'INVALID_KEY',
        }),
      }),
      expect.objectContaining({
        actorName: 'rest-bot',
        action: 'rest:clearCache',
        result: 'ok',
        arguments: JSON.stringify({ pattern: 'data:flavors:*' }),
      }),
    ]);
  });
});
