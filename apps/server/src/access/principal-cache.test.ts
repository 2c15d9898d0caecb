import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSubscriptions } from '../subscriptions/live-subscriptions.ts';
import { holderOf } from '../subscriptions/use-subscription-limits.ts';
import { createApiKeyService } from './api-keys.ts';
import type { ApiKeyService } from './api-keys.ts';
import { createAnonymousPrincipals, createPrincipalResolver } from './principal-cache.ts';
import { CONFLICTING_KEYS } from './principal.ts';

const T0 = 1_767_225_600_000;

describe('principals built once, revocations still honoured (real SQLite store)', () => {
  let root: string;
  let store: Store;
  let clock: number;
  let here: ApiKeyService;
  /** Another instance over the same database, with its own key cache. */
  let other: ApiKeyService;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'taurine-principals-'));
    clock = T0;
    store = await openStore({ dataDir: root });
    await store.migrate();
    here = createApiKeyService({ keys: store.apiKeys, now: () => clock });
    other = createApiKeyService({ keys: store.apiKeys, now: () => clock, cacheTtlMs: 500 });
  });
  afterEach(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers an anonymous caller at once, with one principal per address', () => {
    const resolve = createPrincipalResolver(here);
    const first = resolve(null, '10.0.0.1');
    expect(first).toEqual({ kind: 'anonymous', ip: '10.0.0.1' });
    expect(resolve(null, '10.0.0.1')).toBe(first);
    expect(resolve(null, '10.0.0.2')).toEqual({ kind: 'anonymous', ip: '10.0.0.2' });
    expect(Object.isFrozen(first)).toBe(true);
    expect(resolve(CONFLICTING_KEYS, '10.0.0.1')).toEqual({
      kind: 'anonymous',
      ip: '10.0.0.1',
      rejectedKey: 'conflicting',
    });
  });

  it('keeps at most the bound of anonymous principals, and still answers past it', () => {
    const anonymousAt = createAnonymousPrincipals(3);
    const ips = ['a', 'b', 'c', 'd', 'e'];
    for (const ip of ips) expect(anonymousAt(ip)).toEqual({ kind: 'anonymous', ip });
    expect(anonymousAt('e')).toBe(anonymousAt('e'));
  });

  it('reuses a key principal per address and refuses the key once it is revoked here', async () => {
    const resolve = createPrincipalResolver(here);
    const { key, apiKey } = await here.create({ name: 'ops', role: 'operator', createdBy: 't' });
    const first = await resolve(key, '10.0.0.1');
    expect(first).toEqual({
      kind: 'key',
      keyId: apiKey.id,
      name: 'ops',
      role: 'operator',
      rateLimitPolicy: null,
      ip: '10.0.0.1',
    });
    expect(await resolve(key, '10.0.0.1')).toBe(first);
    expect(await resolve(key, '10.0.0.9')).toMatchObject({ kind: 'key', ip: '10.0.0.9' });

    await here.revoke(apiKey.id);
    expect(await resolve(key, '10.0.0.1')).toEqual({
      kind: 'anonymous',
      ip: '10.0.0.1',
      rejectedKey: 'revoked',
    });
  });

  it('refuses a key revoked on another instance once its cache entry expires, and the recheck ends its subscriptions', async () => {
    const resolve = createPrincipalResolver(other);
    const { key, apiKey } = await here.create({ name: 'dash', role: 'viewer', createdBy: 't' });
    const principal = await resolve(key, '10.0.0.1');
    expect(principal).toMatchObject({ kind: 'key', keyId: apiKey.id });

    const live = new LiveSubscriptions({}, () => clock);
    const socket = {
      closed: '',
      close: (code: number, reason: string) => (socket.closed = `${code} ${reason}`),
    };
    const context = { principal, connectionParams: { 'x-api-key': key }, socket };
    expect(live.admit(context, holderOf(context, other))).not.toBeInstanceOf(Error);
    expect(live.size).toBe(1);

    await here.revoke(apiKey.id);
    await live.recheckKeys();
    // Within the other instance's cache entry the key still counts.
    expect(live.size).toBe(1);
    expect(await resolve(key, '10.0.0.1')).toBe(principal);

    clock = T0 + 500;
    expect(await resolve(key, '10.0.0.1')).toEqual({
      kind: 'anonymous',
      ip: '10.0.0.1',
      rejectedKey: 'revoked',
    });
    await live.recheckKeys();
    expect(live.size).toBe(0);
    expect(socket.closed).toBe('4403 invalid or revoked key');
  });

  it('gives a key a new principal when the store says something new about it', async () => {
    const resolve = createPrincipalResolver(other);
    const { key } = await here.create({ name: 'dash', role: 'viewer', createdBy: 't' });
    const before = await resolve(key, '10.0.0.1');
    clock = T0 + 500;
    const after = await resolve(key, '10.0.0.1');
    expect(after).toEqual(before);
    expect(after).not.toBe(before);
  });

  it('treats a key that cannot be checked as unavailable, never as valid', async () => {
    const resolve = createPrincipalResolver({
      authenticate: () => Promise.reject(new Error('store down')),
    });
    expect(await resolve(`tk_abcdef12_${'a'.repeat(43)}`, '10.0.0.1')).toEqual({
      kind: 'anonymous',
      ip: '10.0.0.1',
      rejectedKey: 'unavailable',
    });
  });
});
