import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_KEY_PATTERN,
  createApiKeyService,
  generateApiKey,
  hashApiKey,
  hashMatches,
  parseApiKey,
} from './api-keys.ts';
import type { ApiKeyService } from './api-keys.ts';

const T0 = 1_767_225_600_000;

describe('API key format and hashing', () => {
  it('generates tk_<8 hex>_<43 base64url> keys with 256 random bits, all different', () => {
    const keys = Array.from({ length: 50 }, () => generateApiKey());
    for (const { key, prefix, hash } of keys) {
      expect(key).toMatch(/^tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(key.startsWith(`tk_${prefix}_`)).toBe(true);
      expect(parseApiKey(key)).toEqual({ prefix });
      expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(hash).not.toContain(key.slice(12));
    }
    expect(new Set(keys.map((k) => k.key)).size).toBe(50);
  });

  it('rejects anything that is not a well-formed key before touching the store', () => {
    const { key } = generateApiKey();
    for (const bad of [
      '',
      'tk_',
      key.slice(0, -1).slice(0, 20),
      key.toUpperCase(),
      `${key}!`,
      ` ${key}`,
      `tk_ABCDEFGH_${'a'.repeat(43)}`,
      `tk_abcdef12_${'a'.repeat(129)}`,
      'x'.repeat(10_000),
    ]) {
      expect(parseApiKey(bad), bad).toBeNull();
    }
    expect(API_KEY_PATTERN.test(key)).toBe(true);
  });

  it('compares hashes in constant time and never matches a different or corrupt hash', () => {
    const { key } = generateApiKey();
    expect(hashMatches(hashApiKey(key), key)).toBe(true);
    expect(hashMatches(hashApiKey(`${key}x`), key)).toBe(false);
    expect(hashMatches('abc', key)).toBe(false);
  });
});

describe('ApiKeyService on a real SQLite store', () => {
  let root: string;
  let store: Store;
  let clock: number;
  let service: ApiKeyService;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'taurine-keys-'));
    clock = T0;
    store = await openStore({ dataDir: root });
    await store.migrate();
    service = createApiKeyService({
      keys: store.apiKeys,
      now: () => clock,
      lastUsedThrottleMs: 60_000,
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('shows the key once and stores only its hash, nowhere the key', async () => {
    const { key, apiKey } = await service.create({
      name: 'ci-bot',
      role: 'operator',
      createdBy: 'test',
    });
    expect(apiKey).toMatchObject({ name: 'ci-bot', role: 'operator', createdAt: T0 });
    expect(key.startsWith(`tk_${apiKey.prefix}_`)).toBe(true);

    const rows = await store.db.selectFrom('api_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).toBe(hashApiKey(key));
    const secret = key.slice(`tk_${apiKey.prefix}_`.length);
    expect(JSON.stringify(rows)).not.toContain(secret);

    const listed = await service.list();
    expect(listed).toEqual([apiKey]);
    expect(JSON.stringify(listed)).not.toContain(rows[0]?.hash);
  });

  it('authenticates a valid key and records its last use, throttled', async () => {
    const { key, apiKey } = await service.create({
      name: 'ci-bot',
      role: 'viewer',
      createdBy: 'test',
      rateLimitPolicy: 'third-party',
    });
    expect(await service.authenticate(key)).toEqual({
      ok: true,
      principal: {
        keyId: apiKey.id,
        name: 'ci-bot',
        role: 'viewer',
        rateLimitPolicy: 'third-party',
      },
    });
    await expect.poll(async () => (await store.apiKeys.findById(apiKey.id))?.lastUsedAt).toBe(T0);

    clock = T0 + 30_000;
    await service.authenticate(key);
    clock = T0 + 61_000;
    await service.authenticate(key);
    await expect
      .poll(async () => (await store.apiKeys.findById(apiKey.id))?.lastUsedAt)
      .toBe(T0 + 61_000);
  });

  it('refuses malformed, unknown, wrong-secret, revoked and expired keys with the reason', async () => {
    const { key, apiKey } = await service.create({ name: 'a', role: 'admin', createdBy: 't' });
    const expiring = await service.create({
      name: 'b',
      role: 'viewer',
      createdBy: 't',
      expiresAt: T0 + 1000,
    });
    const wrongSecret = `tk_${apiKey.prefix}_${'A'.repeat(43)}`;

    expect(await service.authenticate('hunter2')).toEqual({ ok: false, reason: 'malformed' });
    expect(await service.authenticate(generateApiKey().key)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await service.authenticate(wrongSecret)).toEqual({ ok: false, reason: 'unknown' });

    expect((await service.authenticate(expiring.key)).ok).toBe(true);
    clock = T0 + 1000;
    expect(await service.authenticate(expiring.key)).toEqual({ ok: false, reason: 'expired' });

    expect((await service.authenticate(key)).ok).toBe(true);
    expect((await service.revoke(apiKey.id))?.revokedAt).toBe(T0 + 1000);
    expect(await service.authenticate(key)).toEqual({ ok: false, reason: 'revoked' });
    expect(await service.revoke(9999)).toBeUndefined();
  });

  it('sees a revocation made by another instance within the cache TTL', async () => {
    const other = createApiKeyService({ keys: store.apiKeys, now: () => clock, cacheTtlMs: 500 });
    const { key, apiKey } = await service.create({ name: 'a', role: 'viewer', createdBy: 't' });
    expect((await other.authenticate(key)).ok).toBe(true);
    await service.revoke(apiKey.id);
    clock = T0 + 499;
    expect((await other.authenticate(key)).ok).toBe(true);
    clock = T0 + 500;
    expect(await other.authenticate(key)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('validates what it creates, with messages a person can act on', async () => {
    const base = { name: 'ok', role: 'viewer' as const, createdBy: 't' };
    await expect(service.create({ ...base, name: '  ' })).rejects.toThrow(
      'Key name must be 1 to 100 printable characters',
    );
    await expect(service.create({ ...base, name: 'a\u0000b' })).rejects.toThrow(
      'Key name must be 1 to 100 printable characters',
    );
    await expect(service.create({ ...base, role: 'root' as 'admin' })).rejects.toThrow(
      'Unknown role "root": expected viewer, operator, admin',
    );
    await expect(service.create({ ...base, expiresAt: T0 })).rejects.toThrow(
      'Key expiry must be a time in the future',
    );
    await expect(service.create({ ...base, rateLimitPolicy: 'unlimited' })).rejects.toThrow(
      'Unknown rate-limit policy "unlimited": expected anonymous, viewer, operator, admin, third-party',
    );
    expect(await store.apiKeys.count()).toBe(0);
  });

  describe('ensureBootstrapAdmin', () => {
    it('generates an admin key once when none exists, and not again', async () => {
      const first = await service.ensureBootstrapAdmin();
      if (first.action !== 'generated') throw new Error(`expected generated, got ${first.action}`);
      expect(first.apiKey.role).toBe('admin');
      expect(await service.authenticate(first.key)).toMatchObject({
        ok: true,
        principal: { role: 'admin' },
      });
      expect(await service.ensureBootstrapAdmin()).toEqual({ action: 'none' });

      await service.revoke(first.apiKey.id);
      expect((await service.ensureBootstrapAdmin()).action).toBe('generated');
    });

    it('stores ADMIN_API_KEY idempotently: the same key maps to the same row', async () => {
      const { key } = generateApiKey();
      const created = await service.ensureBootstrapAdmin(key);
      expect(created).toMatchObject({ action: 'env-created', apiKey: { role: 'admin' } });
      const again = await service.ensureBootstrapAdmin(key);
      expect(again).toMatchObject({ action: 'env-existing' });
      expect(await store.apiKeys.count()).toBe(1);
      expect(await service.authenticate(key)).toMatchObject({ ok: true });
      expect((await store.apiKeys.findByPrefix(parseApiKey(key)!.prefix))?.hash).toBe(
        hashApiKey(key),
      );
    });

    it('leaves a revoked ADMIN_API_KEY revoked and says so', async () => {
      const { key } = generateApiKey();
      const created = await service.ensureBootstrapAdmin(key);
      if (created.action !== 'env-created') throw new Error('expected env-created');
      await service.revoke(created.apiKey.id);
      expect((await service.ensureBootstrapAdmin(key)).action).toBe('env-revoked');
      expect(await service.authenticate(key)).toEqual({ ok: false, reason: 'revoked' });
    });

    it('rejects a malformed ADMIN_API_KEY or one whose prefix another key holds', async () => {
      await expect(service.ensureBootstrapAdmin('changeme')).rejects.toMatchObject({
        code: 'INVALID_ADMIN_KEY',
        message:
          'ADMIN_API_KEY must look like tk_<8 hex characters>_<43 or more base64url characters>; ' +
          'generate one with `npm run keys -- generate`',
      });
      const { apiKey } = await service.create({ name: 'x', role: 'viewer', createdBy: 't' });
      await expect(
        service.ensureBootstrapAdmin(`tk_${apiKey.prefix}_${'B'.repeat(43)}`),
      ).rejects.toMatchObject({
        code: 'INVALID_ADMIN_KEY',
        message: `ADMIN_API_KEY's prefix ${apiKey.prefix} belongs to another key; generate a new one`,
      });
    });
  });
});
