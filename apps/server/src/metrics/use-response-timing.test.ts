import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { useResponseTiming } from './use-response-timing.ts';

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

  it('never throws on an operationName that is not a string (once a 500 that paged)', async () => {
    const { registry } = app.services.metrics;
    // The plugin alone, without the app's parameter guard: it must cope by itself.
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
      logging: false,
      plugins: [useResponseTiming({ recorder: registry })],
    });
    for (const operationName of [1, {}, true, ['a']]) {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ok }', operationName }),
      });
      expect(response.status, JSON.stringify(operationName)).toBeLessThan(500);
    }
    expect(registry.stats('api.errors', { operation: 'invalid', type: 'client' }).sum).toBe(4);
    expect(registry.stats('api.errors', { operation: 'invalid', type: 'server' }).sum).toBeNull();
  });

  it('counts unexpected (masked) GraphQL errors as server errors, even when the status is 200', async () => {
    const { registry } = app.services.metrics;
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { broken: Boolean, fine: Boolean }',
        resolvers: {
          Query: {
            broken: () => {
              throw new Error('database exploded');
            },
            fine: () => true,
          },
        },
      }),
      logging: false,
      plugins: [useResponseTiming({ recorder: registry })],
    });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Broken { broken fine }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { fine: true } });
    expect(registry.stats('api.errors', { operation: 'Broken', type: 'server' }).sum).toBe(1);
    expect(registry.stats('api.errors', { operation: 'Broken', type: 'client' }).sum).toBeNull();
  });

  it('counts client errors the same with application/json and application/graphql-response+json', async () => {
    const { registry } = app.services.metrics;
    // Each failure a client can provoke: syntax, validation, no key, bad input, bad parameter.
    const failures = [
      { query: 'query Syntax { flavors(' },
      { query: 'query Validation { noSuchField }' },
      { query: 'query NoKey { snapshot { at } }', key: '' },
      { query: 'query BadInput { flavors(first: -1) { totalCount } }' },
      { query: 'query BadVariable($n: Int) { flavors(first: $n) { totalCount } }', n: 'x' },
    ];
    const counts: Record<string, { client: number | null; server: number | null }> = {};
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const before = {
        client: registry.stats('api.errors', { type: 'client' }).sum ?? 0,
        server: registry.stats('api.errors', { type: 'server' }).sum ?? 0,
      };
      const statuses: number[] = [];
      for (const { query, key, n } of failures) {
        const response = await app.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept,
            'x-api-key': key ?? app.adminKey,
          },
          body: JSON.stringify({ query, variables: n === undefined ? undefined : { n } }),
        });
        statuses.push(response.status);
        expect(((await response.json()) as { errors?: unknown[] }).errors).toHaveLength(1);
      }
      // The statuses differ by media type (that is the GraphQL-over-HTTP spec)…
      if (accept === 'application/json') expect(statuses).toContain(200);
      else expect(statuses).toContain(400);
      counts[accept] = {
        client: (registry.stats('api.errors', { type: 'client' }).sum ?? 0) - before.client,
        server: (registry.stats('api.errors', { type: 'server' }).sum ?? 0) - before.server,
      };
    }
    // …the counts do not.
    expect(counts).toEqual({
      'application/json': { client: failures.length, server: 0 },
      'application/graphql-response+json': { client: failures.length, server: 0 },
    });
  });
});
