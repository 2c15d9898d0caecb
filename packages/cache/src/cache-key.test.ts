import { describe, expect, it } from 'vitest';
import { assertValidKey, CACHE_KEY_LIMITS, cacheKey, untrustedKeyPart } from './cache-key.ts';

describe('cache keys', () => {
  it('builds versioned keys from trusted segments', () => {
    expect(cacheKey('data', 'flavors', 'v1')).toBe('data:flavors:v1');
    expect(cacheKey('data', 'flavors', 'filtered', 'category', 'energy')).toBe(
      'data:flavors:filtered:category:energy',
    );
    expect(cacheKey('search', untrustedKeyPart('caffeine'), 'filters', 'v1')).toBe(
      'search:caffeine:filters:v1',
    );
    expect(cacheKey('api', 'drink', 42, 'v2')).toBe('api:drink:42:v2');
  });

  it('refuses raw segments that could shape a key', () => {
    for (const segment of ['*', 'a:b', 'x\r\nFLUSHALL', '', 'x'.repeat(65), 'caf é', '?']) {
      expect(() => cacheKey('search', segment, 'v1')).toThrow(
        expect.objectContaining({ code: 'INVALID_KEY' }),
      );
    }
    expect(() => cacheKey()).toThrow(expect.objectContaining({ code: 'INVALID_KEY' }));
  });

  it('hashes untrusted input that is not short and plain, and the result is a safe segment', () => {
    const hostile = [
      '*',
      '**********',
      'a:b',
      'x\r\nDEL *',
      'x'.repeat(10_000),
      'Café',
      '__proto__ ',
      '',
      '#abc',
    ];
    const parts = hostile.map((input) => untrustedKeyPart(input));
    for (const part of parts) {
      expect(part).toMatch(/^#[A-Za-z0-9_-]{22}$/);
      expect(() => cacheKey('search', part, 'v1')).not.toThrow();
    }
    expect(new Set(parts).size).toBe(hostile.length);
    expect(untrustedKeyPart('x'.repeat(10_000))).toBe(untrustedKeyPart('x'.repeat(10_000)));
    expect(untrustedKeyPart('__proto__')).toBe('__proto__');
    expect(untrustedKeyPart('energy')).toBe('energy');
    expect(untrustedKeyPart(160)).toBe('160');
  });

  it('accepts ordinary keys and rejects wildcards, control characters and huge keys', () => {
    expect(() => {
      assertValidKey('data:flavors:v1');
    }).not.toThrow();
    expect(() => {
      assertValidKey('__proto__');
    }).not.toThrow();
    for (const key of ['', '*', 'a?', 'a\r\nb', 'x'.repeat(CACHE_KEY_LIMITS.maxKeyLength + 1), 5]) {
      expect(() => {
        assertValidKey(key);
      }).toThrow(expect.objectContaining({ code: 'INVALID_KEY' }));
    }
  });
});
