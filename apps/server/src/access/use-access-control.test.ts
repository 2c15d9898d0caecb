import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import { parse } from 'graphql';
import type { ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import { createApiKeyService } from './api-keys.ts';
import type { ApiKeyService } from './api-keys.ts';
import { describePrincipal } from './principal.ts';
import type { Principal } from './principal.ts';
import { createMemoryRateLimiter, createRedisRateLimiter } from './rate-limiter.ts';
import type { RateLimitPolicies } from './rate-limit-policies.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { useAccessControl } from './use-access-control.ts';

const POLICIES: RateLimitPolicies = {
  anonymous: { limit: 2, windowMs: 60_000 },
  viewer: { limit: 3, windowMs: 60_000 },
  operator: { limit: 3, windowMs: 60_000 },
  admin: { limit: 3, windowMs: 60_000 },
  'third-party': { limit: 1, windowMs: 3_600_000 },
};

const schema = createSchema<{ principal: Principal }>({
  typeDefs: 'type Query { whoami: String! rejected: String }',
  resolvers: {
    Query: {
      whoami: (_root, _args, context) => describePrincipal(context.principal),
      rejected: (_root, _args, context) =>
        context.principal.kind === 'anonymous' ? (context.principal.rejectedKey ?? null) : null,
    },
  },
});

function createTestYoga(
  apiKeys: ApiKeyService,
  limiter: RateLimiter,
  onError?: (e: unknown) => void,
) {
  return createYoga({
    schema,
    logging: false,
    plugins: [
      useAccessControl({ apiKeys, limiter, policies: POLICIES, onError }),
      {
        onRequest(payload) {
          if (payload.url.pathname === '/health') {
            payload.endResponse(Response.json({ status: 'ok' }));
          }
        },
      },
    ],
  });
}

type TestYoga = ReturnType<typeof createTestYoga>;

/** The parts of `yoga.getEnveloped()` that graphql-ws uses. */
interface Enveloped {
  schema: GraphQLSchema;
  contextFactory: () => Promise<unknown>;
  execute: (args: ExecutionArgs) => Promise<ExecutionResult>;
}

const ask = (yoga: TestYoga, key?: string, query = '{ whoami }') =>
  yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'x-api-key': key }),
    },
    body: JSON.stringify({ query }),
  });

describe('useAccessControl', () => {
  let root: string;
  let store: Store;
  let apiKeys: ApiKeyService;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'taurine-access-'));
    store = await openStore({ dataDir: root });
    await store.migrate();
    apiKeys = createApiKeyService({ keys: store.apiKeys });
  });
  afterEach(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  const newKey = async (role: 'viewer' | 'operator' | 'admin', name: string, policy?: string) =>
    (await apiKeys.create({ name, role, createdBy: 'test', rateLimitPolicy: policy ?? null })).key;

  it('puts the caller into the context: key holder, or anonymous with the rejection', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    const key = await newKey('operator', 'ci-bot');
    expect(await (await ask(yoga, key)).json()).toEqual({ data: { whoami: 'operator "ci-bot"' } });
    expect(await (await ask(yoga, undefined, '{ whoami rejected }')).json()).toEqual({
      data: { whoami: 'anonymous', rejected: null },
    });
    expect(await (await ask(yoga, 'tk_nope', '{ whoami rejected }')).json()).toEqual({
      data: { whoami: 'anonymous', rejected: 'malformed' },
    });
  });

  it('answers 401 when x-api-key and Authorization: Bearer carry different keys', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    const key = await newKey('admin', 'ops');
    const send = (headers: Record<string, string>) =>
      yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ whoami }' }),
      });
    const junkBesideValid = await send({ 'x-api-key': 'junk', authorization: `Bearer ${key}` });
    expect(junkBesideValid.status).toBe(401);
    expect(await junkBesideValid.json()).toEqual({
      errors: [
        {
          message:
            'Unauthorized: x-api-key and Authorization: Bearer carry different keys; send one',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    // The same key in both, or either alone, is fine.
    const alone: Record<string, string>[] = [
      { 'x-api-key': key, authorization: `Bearer ${key}` },
      { authorization: `Bearer ${key}` },
      { 'x-api-key': key },
    ];
    for (const headers of alone) {
      expect(await (await send(headers)).json()).toEqual({ data: { whoami: 'admin "ops"' } });
    }
  });

  it('shows the budget in X-RateLimit-* headers and answers 429 with Retry-After when spent', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    const first = await ask(yoga);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('retry-after')).toBeNull();
    await ask(yoga);
    const refused = await ask(yoga);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }],
    });
  });

  it('refuses a flooding key while another key and anonymous callers are served', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    const flooder = await newKey('viewer', 'flooder');
    const calm = await newKey('viewer', 'calm');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(yoga, flooder)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect((await ask(yoga, calm)).status).toBe(200);
    expect((await ask(yoga)).status).toBe(200);
  });

  it('gives a third-party key the third-party budget', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    const key = await newKey('operator', 'zapier', 'third-party');
    expect((await ask(yoga, key)).headers.get('x-ratelimit-limit')).toBe('1');
    const refused = await ask(yoga, key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
  });

  it('leaves uncovered paths such as /health, and CORS preflights, alone', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    for (let i = 0; i < 5; i++) {
      const response = await yoga.fetch('http://localhost/health');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
      const preflight = await yoga.fetch('http://localhost/graphql', { method: 'OPTIONS' });
      expect(preflight.status).toBeLessThan(300);
    }
    expect((await ask(yoga)).headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('serves the request when the limiter itself breaks', async () => {
    const errors: unknown[] = [];
    const broken: RateLimiter = { take: () => Promise.reject(new Error('limiter broke')) };
    const yoga = createTestYoga(apiKeys, broken, (error) => errors.push(error));
    const response = await ask(yoga);
    expect(response.status).toBe(200);
    expect(String(errors[0])).toContain('limiter broke');
  });

  it('authenticates and limits graphql-ws operations from connectionParams', async () => {
    const yoga = createTestYoga(apiKeys, createMemoryRateLimiter());
    const key = await newKey('admin', 'socket');
    const operate = async (): Promise<ExecutionResult> => {
      // What `http/websockets.ts` does for each operation: no Request, just the socket context.
      const enveloped = yoga.getEnveloped({
        connectionParams: { 'x-api-key': key },
        req: { socket: { remoteAddress: '203.0.113.5' } },
      } as never) as unknown as Enveloped;
      return enveloped.execute({
        schema: enveloped.schema,
        document: parse('{ whoami }'),
        contextValue: await enveloped.contextFactory(),
      });
    };
    const results = [await operate(), await operate(), await operate(), await operate()];
    expect(results.slice(0, 3).map((r) => r.data)).toEqual(
      Array.from({ length: 3 }, () => ({ whoami: 'admin "socket"' })),
    );
    expect(results[3]?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('shares one budget between two app instances through the real Redis', async () => {
    const keyPrefix = uniqueRedisPrefix();
    const clients = await Promise.all([connectRedis(), connectRedis()]);
    try {
      const [a, b] = clients.map((redis) =>
        createTestYoga(
          createApiKeyService({ keys: store.apiKeys }),
          createRedisRateLimiter({ redis, keyPrefix }),
        ),
      );
      if (a === undefined || b === undefined) throw new Error('two instances expected');
      const key = await newKey('viewer', 'shared');
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(i % 2 === 0 ? a : b, key)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    } finally {
      await deleteRedisKeys(keyPrefix, clients[0]);
      await Promise.all(clients.map((client) => client.quit()));
    }
  });
});
