import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestAppPair } from '../../apps/server/src/testing/test-app.ts';
import { SHARED_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';

const QUERY = '{ caches { hitRate } }';
const call = (app: TestApp, key: string) =>
  app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: QUERY }),
  });

describe('rate limits per key, shared through Redis', () => {
  const prefix = uniqueRedisPrefix();
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = {
      REDIS_URL: SHARED_REDIS_URL,
      REDIS_PREFIX: prefix,
      CACHE_WARM_ON_START: 'false',
    };
    [first, second] = await createTestAppPair(env);
  });
  afterAll(async () => {
    await second.dispose();
    await first.dispose();
    // Leave the shared Redis as it was: rate-limit buckets and anything else under the prefix.
    await deleteRedisKeys(prefix);
  });

  it('gives a third-party key 100 requests an hour across instances, then 429 with Retry-After', async () => {
    const created = await first.services.apiKeys.create({
      name: 'partner-tool',
      role: 'viewer',
      rateLimitPolicy: 'third-party',
      createdBy: 'test',
    });
    const other = await first.createKey('viewer', 'dashboard');
    for (let i = 0; i < 60; i += 1) expect((await call(first, created.key)).status).toBe(200);
    const last = await call(second, created.key);
    expect(last.headers.get('x-ratelimit-limit')).toBe('100');
    expect(Number(last.headers.get('x-ratelimit-remaining'))).toBeLessThanOrEqual(39);
    for (let i = 0; i < 39; i += 1) await call(i % 2 === 0 ? first : second, created.key);
    const refused = await call(second, created.key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    // Another key is served normally meanwhile.
    expect((await call(first, other)).status).toBe(200);
  });
});

describe('keys, roles and the audit log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ CACHE_WARM_ON_START: 'false' });
  });
  afterAll(() => app.dispose());

  it('lets an operator clear a cache, records it, and refuses the operator a rule change', async () => {
    const created = await app.graphql<{
      createApiKey: { key: string; apiKey: { prefix: string; role: string } };
    }>(
      'mutation { createApiKey(input: { name: "ci-bot", role: OPERATOR }) { ... on CreatedApiKey { key apiKey { prefix role } } } }',
    );
    const { key, apiKey } = created.data!.createApiKey;
    expect(apiKey.role).toBe('OPERATOR');
    expect(key.startsWith(apiKey.prefix.replace('…', ''))).toBe(true);
    // The stored value is a hash, never the key.
    const stored = await app.services.store.apiKeys.findByPrefix(key.split('_')[1]!);
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key);

    const cleared = await app.graphql<{ clearCache: { __typename: string } }>(
      'mutation { clearCache(pattern: "data:*") { __typename } }',
      undefined,
      { 'x-api-key': key },
    );
    expect(cleared.data!.clearCache.__typename).toBe('CacheClearReport');

    const forbidden = await app.graphql(
      'mutation { deleteAlertRule(id: "builtin-api-p95") { __typename } }',
      undefined,
      { 'x-api-key': key },
    );
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toMatch(/admin/);

    const log = await app.graphql<{
      auditLog: {
        action: string;
        actorName: string;
        actorRole: string;
        result: string;
        arguments: string;
      }[];
    }>('{ auditLog(first: 10) { action actorName actorRole result arguments } }');
    const entries = log.data!.auditLog;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'mutation:clearCache',
          actorName: 'ci-bot',
          actorRole: 'operator',
          result: 'ok',
        }),
        expect.objectContaining({
          action: 'mutation:deleteAlertRule',
          actorName: 'ci-bot',
          result: 'FORBIDDEN',
        }),
        expect.objectContaining({ action: 'mutation:createApiKey', result: 'ok' }),
      ]),
    );
    // The created key never appears in the audit trail.
    expect(JSON.stringify(entries)).not.toContain(key);
  });

  it('rejects revoked and expired keys', async () => {
    const created = await app.services.apiKeys.create({
      name: 'short-lived',
      role: 'viewer',
      createdBy: 'test',
    });
    expect((await call(app, created.key)).status).toBe(200);
    await app.graphql(`mutation { revokeApiKey(id: "${created.apiKey.id}") { __typename } }`);
    const revoked = await app.graphql(QUERY, undefined, { 'x-api-key': created.key });
    expect(revoked.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(revoked.errors?.[0]?.message).toMatch(/invalid or revoked key/);

    const expiring = await app.services.apiKeys.create({
      name: 'expiring',
      role: 'viewer',
      createdBy: 'test',
      expiresAt: Date.now() + 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const expired = await app.graphql(QUERY, undefined, { 'x-api-key': expiring.key });
    expect(expired.errors?.[0]?.message).toMatch(/invalid or revoked key/);
  });

  it('never returns channel secrets', async () => {
    const secretUrl = 'https://hooks.example.com/services/T000/B000/very-secret-token';
    const created = await app.graphql<{ createNotificationChannel: { __typename: string } }>(
      `mutation { createNotificationChannel(input: { name: "ops-slack", type: SLACK, webhookUrl: "${secretUrl}" }) { __typename } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createNotificationChannel.__typename).toBe('NotificationChannel');
    const channels = await app.graphql<{ notificationChannels: { name: string }[] }>(
      '{ notificationChannels { name settings { name value } } }',
    );
    expect(channels.data!.notificationChannels.map((c) => c.name)).toContain('ops-slack');
    expect(JSON.stringify(channels)).not.toContain('very-secret-token');
    const log = await app.graphql('{ auditLog(first: 5) { arguments } }');
    expect(JSON.stringify(log)).not.toContain('very-secret-token');
  });
});
