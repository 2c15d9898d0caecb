import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket.ts';

describe('TokenBucketLimiter', () => {
  it('allows a burst up to the limit, then refuses with the time until the next token', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ limit: 3, windowMs: 3000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('ip-1').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('ip-1');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 1000 });
    now = 1000;
    expect(limiter.take('ip-1').allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const limiter = new TokenBucketLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('rejects impossible options with exact messages', () => {
    expect(() => new TokenBucketLimiter({ limit: 0, windowMs: 1 })).toThrow(
      'limit must be a positive integer',
    );
    expect(() => new TokenBucketLimiter({ limit: 1, windowMs: Number.NaN })).toThrow(
      'windowMs must be a positive number',
    );
  });
});
