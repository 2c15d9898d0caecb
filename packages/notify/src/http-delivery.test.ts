import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './http-delivery.ts';
import { createRedactor, secretsOfUrl } from './redactor.ts';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);

  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('redaction', () => {
  it('removes every credential-bearing part of a URL, raw or encoded', () => {
    const url = new URL(
      'https://user:p%40ss@hooks.example.com/services/T0/B0/xyzSECRET?token=abc123def',
    );
    const redact = createRedactor(secretsOfUrl(url));

    const text = redact(
      `failed ${url.href} /services/T0/B0/xyzSECRET p@ss abc123def at hooks.example.com`,
    );

    expect(text).not.toMatch(/xyzSECRET|p@ss|p%40ss|abc123def/);
    expect(text).toContain('hooks.example.com');
  });
});
