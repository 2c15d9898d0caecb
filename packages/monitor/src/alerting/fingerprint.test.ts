import { describe, expect, it } from 'vitest';
import { alertFingerprint, fnv1a64 } from './fingerprint.ts';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    expect(fnv1a64('é')).toBe(fnv1a64('\u00e9'));
    expect(fnv1a64('é')).not.toBe(fnv1a64('e'));
  });
});

describe('alertFingerprint', () => {
  it('is the same for the same rule and tags in any key order', () => {
    expect(alertFingerprint('rule', { region: 'eu', endpoint: '/a', device: 'mobile' })).toBe(
      alertFingerprint('rule', { device: 'mobile', endpoint: '/a', region: 'eu' }),
    );
  });

  it('differs for different tags, values or rules', () => {
    const base = alertFingerprint('rule', { region: 'eu' });
    expect(alertFingerprint('rule', { region: 'us' })).not.toBe(base);
    expect(alertFingerprint('rule', { zone: 'eu' })).not.toBe(base);
    expect(alertFingerprint('rule', {})).not.toBe(base);
    expect(alertFingerprint('other', { region: 'eu' })).not.toBe(base);
  });

  it('cannot be forged by values that contain separators', () => {
    expect(alertFingerprint('r', { a: 'b,c=d' })).not.toBe(
      alertFingerprint('r', { a: 'b', c: 'd' }),
    );
    expect(alertFingerprint('r:a', {})).not.toBe(alertFingerprint('r', { a: '' }));
  });

  it('is 16 hex digits and stable across releases', () => {
    expect(alertFingerprint('builtin.error-rate')).toMatch(/^[0-9a-f]{16}$/);
    expect(alertFingerprint('builtin.error-rate')).toBe(fnv1a64('["builtin.error-rate",[]]'));
  });
});
