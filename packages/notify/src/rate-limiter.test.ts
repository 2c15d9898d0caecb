import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';
import { createFakeClock } from './testing/fake-clock.ts';

describe('createRateLimiter', () => {
  it('spaces calls per key and leaves other keys alone', async () => {
    const clock = createFakeClock(0);
    const limiter = createRateLimiter({ minIntervalMs: 1000, clock, sleep: clock.sleep });

    await limiter.acquire('hook-a');
    await limiter.acquire('hook-b');
    expect(clock.now()).toBe(0);
    await limiter.acquire('hook-a');
    expect(clock.now()).toBe(1000);
    clock.advance(5000);
    await limiter.acquire('hook-a');
    expect(clock.sleeps).toEqual([1000]);
  });

  it('declines instead of waiting longer than maxWaitMs after a hold', async () => {
    const clock = createFakeClock(0);
    const limiter = createRateLimiter({ maxWaitMs: 5000, clock, sleep: clock.sleep });

    limiter.holdUntil('hook', 30_000);
    expect(await limiter.acquire('hook')).toEqual({ ok: false, retryAfterMs: 30_000 });
    clock.advance(26_000);
    expect(await limiter.acquire('hook')).toEqual({ ok: true });
    expect(clock.now()).toBe(30_000);
  });

  it('rejects bad options with exact messages', () => {
    expect(() => createRateLimiter({ minIntervalMs: 0 })).toThrow(
      'createRateLimiter: minIntervalMs must be a positive finite number',
    );
    expect(() => createRateLimiter({ maxWaitMs: -1 })).toThrow(
      'createRateLimiter: maxWaitMs must be a non-negative finite number',
    );
  });
});
