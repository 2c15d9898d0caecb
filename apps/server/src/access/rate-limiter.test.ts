import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import type { Principal } from './principal.ts';
import { DEFAULT_RATE_LIMIT_POLICIES } from './rate-limit-policies.ts';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  rateLimitHeaders,
  rateLimitTarget,
  rateLimitedError,
  rateLimitedResponse,
} from './rate-limiter.ts';
import type { RateLimiter } from './rate-limiter.ts';

const T0 = 1_767_225_600_000;
const POLICY = { limit: 3, windowMs: 3000 };

let redis: Redis;
const prefixes: string[] = [];
/** Failures the contract's Redis limiters reported: a fallback would hide them. */
const redisErrors: unknown[] = [];
beforeAll(async () => {
  redis = await connectRedis();
});
afterAll(async () => {
  for (const prefix of prefixes) await deleteRedisKeys(prefix, redis);
  await redis.quit();
});

/** Each limiter gets a fresh clock starting at T0 and, for Redis, a unique key prefix. */
const implementations: { name: string; create: (now: () => number) => RateLimiter }[] = [
  { name: 'memory', create: (now) => createMemoryRateLimiter({ now }) },
  {
    name: 'redis',
    create: (now) => {
      const keyPrefix = uniqueRedisPrefix();
      prefixes.push(keyPrefix);
      return createRedisRateLimiter({
        redis,
        keyPrefix,
        now,
        onError: (error) => {
          throw error;
        },
      });
    },
  },
];

describe.each(implementations)('RateLimiter contract: $name', ({ create }) => {
  let clock: number;
  let limiter: RateLimiter;
  afterEach(() => {
    expect(redisErrors).toEqual([]);
  });

  const fresh = (): RateLimiter => {
    clock = T0;
    limiter = create(() => clock);
    return limiter;
  };

  it('allows a burst up to the limit, then refuses with the wait for the next token', async () => {
    fresh();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take('ip:1', POLICY));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetMs: 3000,
      retryAfterMs: 1000,
    });
    clock = T0 + 1000;
    expect(await limiter.take('ip:1', POLICY)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refills smoothly and never above the limit', async () => {
    fresh();
    await limiter.take('k', POLICY);
    await limiter.take('k', POLICY);
    clock = T0 + 60_000;
    expect(await limiter.take('k', POLICY)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('keeps buckets and policies apart', async () => {
    fresh();
    const one = { limit: 1, windowMs: 60_000 };
    expect((await limiter.take('a', one)).allowed).toBe(true);
    expect((await limiter.take('a', one)).allowed).toBe(false);
    expect((await limiter.take('b', one)).allowed).toBe(true);
  });
});

describe('Redis rate limiter', () => {
  it('shares one budget between two instances with their own clients', async () => {
    const keyPrefix = uniqueRedisPrefix();
    prefixes.push(keyPrefix);
    const second = await connectRedis();
    try {
      const a = createRedisRateLimiter({ redis, keyPrefix });
      const b = createRedisRateLimiter({ redis: second, keyPrefix });
      const policy = { limit: 10, windowMs: 3_600_000 };
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).take('key:7', policy)),
      );
      expect(results.filter((d) => d.allowed)).toHaveLength(10);
    } finally {
      await second.quit();
    }
  });

  it('lets idle buckets expire once they would be full again', async () => {
    const keyPrefix = uniqueRedisPrefix();
    prefixes.push(keyPrefix);
    const limiter = createRedisRateLimiter({ redis, keyPrefix });
    await limiter.take('ip:9', { limit: 5, windowMs: 2000 });
    const ttl = await redis.pttl(`${keyPrefix}ip:9`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2000);
  });

  it('reloads its script after SCRIPT FLUSH-like loss (NOSCRIPT)', async () => {
    const keyPrefix = uniqueRedisPrefix();
    prefixes.push(keyPrefix);
    const limiter = createRedisRateLimiter({ redis, keyPrefix });
    const original = redis.evalsha.bind(redis);
    let calls = 0;
    redis.evalsha = () => {
      calls++;
      return Promise.reject(new Error('NOSCRIPT No matching script.'));
    };
    try {
      expect((await limiter.take('x', POLICY)).allowed).toBe(true);
      expect(calls).toBe(1);
      expect(await redis.exists(`${keyPrefix}x`)).toBe(1);
    } finally {
      redis.evalsha = original;
    }
  });

  it('falls back to memory when Redis is down or slow, and never rejects', async () => {
    // Nothing listens on port 1.
    const down = new Redis({
      host: '127.0.0.1',
      port: 1,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    down.on('error', () => undefined);
    const errors: unknown[] = [];
    const limiter = createRedisRateLimiter({ redis: down, onError: (e) => errors.push(e) });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take('ip:1', POLICY));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    down.disconnect();

    const slow = await connectRedis();
    try {
      slow.evalsha = () => new Promise(() => undefined);
      const slowLimiter = createRedisRateLimiter({
        redis: slow,
        timeoutMs: 20,
        onError: (e) => errors.push(e),
      });
      const started = performance.now();
      expect((await slowLimiter.take('ip:2', POLICY)).allowed).toBe(true);
      expect(performance.now() - started).toBeLessThan(500);
      expect(String(errors.at(-1))).toContain('Redis did not answer within 20 ms');
    } finally {
      slow.disconnect();
    }
  });

  it('rejects impossible options with an exact message', () => {
    expect(() => createRedisRateLimiter({ redis, timeoutMs: 0 })).toThrow(
      'timeoutMs must be a positive number',
    );
  });
});

describe('rate-limit targets and responses', () => {
  const key = (overrides: Partial<Extract<Principal, { kind: 'key' }>> = {}): Principal => ({
    kind: 'key',
    keyId: 7,
    name: 'ci-bot',
    role: 'operator',
    rateLimitPolicy: null,
    ip: '10.0.0.1',
    ...overrides,
  });

  it('limits anonymous callers per IP and keys per key, under their role or named policy', () => {
    expect(rateLimitTarget({ kind: 'anonymous', ip: '10.0.0.1' })).toEqual({
      bucket: 'ip:10.0.0.1',
      policyName: 'anonymous',
      policy: { limit: 300, windowMs: 60_000 },
    });
    expect(rateLimitTarget(key())).toMatchObject({ bucket: 'key:7', policyName: 'operator' });
    expect(rateLimitTarget(key({ role: 'admin' })).policy.limit).toBe(1200);
    expect(rateLimitTarget(key({ rateLimitPolicy: 'third-party' }))).toMatchObject({
      policyName: 'third-party',
      policy: { limit: 100, windowMs: 3_600_000 },
    });
    // A policy removed from the table falls back to the role's.
    expect(rateLimitTarget(key({ rateLimitPolicy: 'gone' })).policyName).toBe('operator');
    expect(() => rateLimitTarget(key(), { anonymous: POLICY })).toThrow(
      'No rate-limit policy named "operator"',
    );
    expect(DEFAULT_RATE_LIMIT_POLICIES.viewer).toEqual({ limit: 600, windowMs: 60_000 });
  });

  it('sends X-RateLimit-* always and Retry-After (whole seconds, at least 1) when refused', async () => {
    const allowed = {
      allowed: true,
      limit: 100,
      remaining: 41,
      resetMs: 2_124_001,
      retryAfterMs: 0,
    };
    expect(rateLimitHeaders(allowed)).toEqual({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '41',
      'X-RateLimit-Reset': '2125',
    });
    const refused = {
      allowed: false,
      limit: 100,
      remaining: 0,
      resetMs: 3_600_000,
      retryAfterMs: 1,
    };
    expect(rateLimitHeaders(refused)['Retry-After']).toBe('1');

    const response = rateLimitedResponse({ ...refused, retryAfterMs: 35_500 });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('36');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Rate limit exceeded (100 requests per window); retry in 36 s',
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 36 },
        },
      ],
    });
    expect(rateLimitedError(refused).extensions).toMatchObject({
      code: 'RATE_LIMITED',
      http: { status: 429 },
    });
  });
});
