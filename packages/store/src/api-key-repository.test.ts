import { describe, expect, it } from 'vitest';
import type { NewApiKey } from './api-key-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;
const HOUR = 3_600_000;

function newKey(overrides: Partial<NewApiKey> = {}): NewApiKey {
  return {
    name: 'ci-bot',
    role: 'operator',
    prefix: 'a1b2c3d4',
    hash: 'f'.repeat(64),
    createdBy: 'cli',
    ...overrides,
  };
}

describe.each(storeHarnesses)('ApiKeyRepository on $dialect', ({ create }) => {
  let store: Store;
  let clock: number;
  useMigratedStore(
    create,
    (opened) => {
      store = opened.store;
      clock = T0;
    },
    { now: () => clock },
  );

  it('creates a key and finds it by prefix with its hash; lists show no hash', async () => {
    const created = await store.apiKeys.create(
      newKey({ expiresAt: T0 + HOUR, rateLimitPolicy: 'third-party' }),
    );
    expect(created).toEqual({
      id: expect.any(Number) as number,
      name: 'ci-bot',
      role: 'operator',
      prefix: 'a1b2c3d4',
      rateLimitPolicy: 'third-party',
      createdAt: T0,
      createdBy: 'cli',
      expiresAt: T0 + HOUR,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(await store.apiKeys.findByPrefix('a1b2c3d4')).toEqual({
      ...created,
      hash: 'f'.repeat(64),
    });
    expect(await store.apiKeys.findByPrefix('00000000')).toBeUndefined();
    expect(await store.apiKeys.findById(created.id)).toEqual(created);
    expect(await store.apiKeys.findById(created.id + 1000)).toBeUndefined();

    const second = await store.apiKeys.create(newKey({ prefix: 'b0000000', role: 'viewer' }));
    const listed = await store.apiKeys.list();
    expect(listed.map((key) => key.id)).toEqual([second.id, created.id]);
    for (const key of listed) expect(key).not.toHaveProperty('hash');
  });

  it('refuses a second key with the same prefix, keeping the first', async () => {
    await store.apiKeys.create(newKey());
    await expect(store.apiKeys.create(newKey({ hash: 'e'.repeat(64) }))).rejects.toThrow();
    expect(await store.apiKeys.count()).toBe(1);
    expect((await store.apiKeys.findByPrefix('a1b2c3d4'))?.hash).toBe('f'.repeat(64));
  });

  it('revokes once: a second revocation keeps the first time', async () => {
    const key = await store.apiKeys.create(newKey());
    expect((await store.apiKeys.revoke(key.id, T0 + 5))?.revokedAt).toBe(T0 + 5);
    expect((await store.apiKeys.revoke(key.id, T0 + 9))?.revokedAt).toBe(T0 + 5);
    expect(await store.apiKeys.revoke(key.id + 1000, T0)).toBeUndefined();
  });

  it('moves the last-used time forward only', async () => {
    const key = await store.apiKeys.create(newKey());
    await store.apiKeys.touchLastUsed(key.id, T0 + 2000);
    await store.apiKeys.touchLastUsed(key.id, T0 + 1000);
    expect((await store.apiKeys.findById(key.id))?.lastUsedAt).toBe(T0 + 2000);
    await store.apiKeys.touchLastUsed(key.id, T0 + 3000);
    expect((await store.apiKeys.findById(key.id))?.lastUsedAt).toBe(T0 + 3000);
  });

  it('counts keys by role and by being active (neither revoked nor expired)', async () => {
    await store.apiKeys.create(newKey({ prefix: 'p0000001', role: 'admin' }));
    const revoked = await store.apiKeys.create(newKey({ prefix: 'p0000002', role: 'admin' }));
    await store.apiKeys.revoke(revoked.id, T0);
    await store.apiKeys.create(newKey({ prefix: 'p0000003', role: 'admin', expiresAt: T0 + 10 }));
    await store.apiKeys.create(newKey({ prefix: 'p0000004', role: 'viewer' }));

    expect(await store.apiKeys.count()).toBe(4);
    expect(await store.apiKeys.count({ role: 'admin' })).toBe(3);
    expect(await store.apiKeys.count({ role: 'admin', activeAt: T0 })).toBe(2);
    // Expiry is exclusive: at the expiry instant the key is no longer active.
    expect(await store.apiKeys.count({ role: 'admin', activeAt: T0 + 10 })).toBe(1);
    expect(await store.apiKeys.count({ activeAt: T0 + 10 })).toBe(2);
  });

  it('rejects values it cannot store, writing nothing', async () => {
    await expect(store.apiKeys.create(newKey({ role: 'root' as 'admin' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'Unknown API key role "root": expected viewer, operator, admin',
    });
    await expect(store.apiKeys.create(newKey({ name: '' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'name must be a non-empty string',
    });
    await expect(store.apiKeys.create(newKey({ expiresAt: 1.5 }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'expiresAt must be an integer epoch in ms, got 1.5',
    });
    await expect(store.apiKeys.revoke(Number.NaN, T0)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'id must be an integer, got NaN',
    });
    expect(await store.apiKeys.count()).toBe(0);
  });
});
