import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

describe('useResponseTiming', () => {
  it('sets X-Response-Time and records api.responseTime under the operation name', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query TopFlavors { flavors(first: 2) { totalCount } }' }),
    });
    expect(response.headers.get('x-response-time')).toMatch(/^\d+\.\dms$/);
    const stats = app.services.metrics.registry.stats('api.responseTime', {
      endpoint: '/graphql',
      operation: 'TopFlavors',
    });
    expect(stats.count).toBe(1);
    expect(stats.max).toBeGreaterThan(0);
  });

  it('times REST routes under their endpoint', async () => {
    await app.yoga.fetch('http://localhost/health');
    await app.yoga.fetch('http://localhost/health');
    const { registry } = app.services.metrics;
    expect(registry.stats('api.responseTime', { endpoint: '/health' }).count).toBe(2);
    expect(registry.stats('api.requests', { endpoint: '/health', status: '200' }).sum).toBe(2);
  });

  it('counts client mistakes and server failures apart', async () => {
    const { registry } = app.services.metrics;
    await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(registry.stats('api.errors', { type: 'client' }).sum).toBeGreaterThanOrEqual(1);
    expect(registry.stats('api.errors', { type: 'server' }).sum).toBeNull();
  });

  it('keeps static assets in one series instead of one per file', async () => {
    await app.yoga.fetch('http://localhost/assets/a-1.js');
    await app.yoga.fetch('http://localhost/assets/b-2.js');
    const series = app.services.metrics.registry
      .listSeries('api.responseTime')
      .filter((s) => s.tags['endpoint'] === 'static');
    expect(series).toHaveLength(1);
  });
});
