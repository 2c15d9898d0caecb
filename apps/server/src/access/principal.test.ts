import { describe, expect, it } from 'vitest';
import type { AuthenticationResult } from './api-keys.ts';
import {
  apiKeyFromConnectionParams,
  CONFLICTING_KEYS,
  apiKeyFromHeaders,
  clientIpOf,
  describePrincipal,
  resolvePrincipal,
} from './principal.ts';

const service = (result: AuthenticationResult | Error) => ({
  authenticate: () => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result)),
});

describe('reading the caller', () => {
  it('reads x-api-key from HTTP headers; blank is none', () => {
    expect(apiKeyFromHeaders(new Headers({ 'X-Api-Key': ' tk_a ' }))).toBe('tk_a');
    expect(apiKeyFromHeaders(new Headers({ 'x-api-key': '  ' }))).toBeNull();
    expect(apiKeyFromHeaders(new Headers({ authorization: 'Bearer tk_b' }))).toBe('tk_b');
    expect(apiKeyFromHeaders(new Headers({ authorization: 'Basic dXNlcjpwYXNz' }))).toBeNull();
    expect(apiKeyFromHeaders(new Headers())).toBeNull();
  });

  it('refuses to choose between x-api-key and a different Bearer key', async () => {
    const both = (apiKey: string, bearer: string) =>
      apiKeyFromHeaders(new Headers({ 'x-api-key': apiKey, authorization: `Bearer ${bearer}` }));
    expect(both('junk', 'tk_valid')).toBe(CONFLICTING_KEYS);
    expect(both('tk_same', 'tk_same')).toBe('tk_same');
    const principal = await resolvePrincipal(
      service(new Error('must not be asked')),
      both('junk', 'tk_valid'),
      '10.0.0.1',
    );
    expect(principal).toEqual({ kind: 'anonymous', ip: '10.0.0.1', rejectedKey: 'conflicting' });
  });

  it('reads the key from graphql-ws connectionParams in the usual spellings only', () => {
    expect(apiKeyFromConnectionParams({ 'x-api-key': 'a' })).toBe('a');
    expect(apiKeyFromConnectionParams({ apiKey: 'b' })).toBe('b');
    expect(apiKeyFromConnectionParams({ headers: { 'x-api-key': 'c' } })).toBe('c');
    for (const params of [null, undefined, 'tk', 42, {}, { apiKey: 5 }, { apiKey: [] }]) {
      expect(apiKeyFromConnectionParams(params)).toBeNull();
    }
    // Inherited properties are not parameters.
    const inherited = Object.create({ apiKey: 'proto' }) as object;
    expect(apiKeyFromConnectionParams(inherited)).toBeNull();
  });

  it('believes X-Forwarded-For only when told to trust the proxy', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' });
    expect(clientIpOf(headers, '10.0.0.1')).toBe('10.0.0.1');
    expect(clientIpOf(headers, '10.0.0.1', { trustProxy: true })).toBe('203.0.113.9');
    expect(clientIpOf(new Headers(), undefined, { trustProxy: true })).toBe('unknown');
  });

  it('resolves a principal: key holder, anonymous, or anonymous with the rejection reason', async () => {
    expect(await resolvePrincipal(service(new Error('unused')), null, '::1')).toEqual({
      kind: 'anonymous',
      ip: '::1',
    });
    const ok = service({
      ok: true,
      principal: { keyId: 3, name: 'ci-bot', role: 'viewer', rateLimitPolicy: null },
    });
    const principal = await resolvePrincipal(ok, 'tk_x', '::1');
    expect(principal).toEqual({
      kind: 'key',
      keyId: 3,
      name: 'ci-bot',
      role: 'viewer',
      rateLimitPolicy: null,
      ip: '::1',
    });
    expect(describePrincipal(principal)).toBe('viewer "ci-bot"');
    expect(
      await resolvePrincipal(service({ ok: false, reason: 'revoked' }), 'tk_x', '::1'),
    ).toEqual({ kind: 'anonymous', ip: '::1', rejectedKey: 'revoked' });
    expect(await resolvePrincipal(service(new Error('db down')), 'tk_x', '::1')).toEqual({
      kind: 'anonymous',
      ip: '::1',
      rejectedKey: 'unavailable',
    });
  });
});
