import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { AccessError } from './access-error.ts';
import type { Principal } from './principal.ts';
import { DEFAULT_RATE_LIMIT_POLICIES } from './rate-limit-policies.ts';
import type { RateLimitPolicies, RateLimitPolicy } from './rate-limit-policies.ts';
import { TokenBucketLimiter } from './token-bucket.ts';
import type { RateLimitDecision } from './token-bucket.ts';

/** Takes one request's worth of budget from a bucket. Implementations never reject. */
export interface RateLimiter {
  /** Takes a token from bucket `key` under `policy` and says whether the request may go on. */
  take(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision>;
}

/** Which bucket a principal draws from, and under which policy. */
export interface RateLimitTarget {
  /** `ip:<address>` for anonymous callers, `key:<id>` for keys. */
  bucket: string;
  policyName: string;
  policy: RateLimitPolicy;
}

/**
 * The bucket and policy for `principal`: anonymous callers per IP under `anonymous`; keys per key
 * id under the policy the key names when `policies` has it, else under their role's policy.
 */
export function rateLimitTarget(
  principal: Principal,
  policies: RateLimitPolicies = DEFAULT_RATE_LIMIT_POLICIES,
): RateLimitTarget {
  const pick = (name: string): RateLimitTarget | undefined => {
    const policy = policies[name];
    if (policy === undefined) return undefined;
    const bucket = principal.kind === 'key' ? `key:${principal.keyId}` : `ip:${principal.ip}`;
    return { bucket, policyName: name, policy };
  };
  const target =
    principal.kind === 'anonymous'
      ? pick('anonymous')
      : ((principal.rateLimitPolicy === null ? undefined : pick(principal.rateLimitPolicy)) ??
        pick(principal.role));
  if (target === undefined) {
    const name = principal.kind === 'anonymous' ? 'anonymous' : principal.role;
    throw new AccessError('INVALID_OPTIONS', `No rate-limit policy named "${name}"`);
  }
  return target;
}

/** Options of {@link createMemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  /** Most buckets per policy; the least recently used are dropped first. @default 50000 */
  maxClients?: number;
  /** @default Date.now */
  now?: () => number;
}

/** A {@link RateLimiter} in this process' memory (one {@link TokenBucketLimiter} per policy). */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const limiters = new Map<string, TokenBucketLimiter>();
  // Policies are long-lived objects: each finds its limiter without building the shape's name.
  const byPolicy = new WeakMap<RateLimitPolicy, TokenBucketLimiter>();
  const limiterOf = (policy: RateLimitPolicy): TokenBucketLimiter => {
    const shape = `${policy.limit}/${policy.windowMs}`;
    let limiter = limiters.get(shape);
    if (limiter === undefined) {
      limiter = new TokenBucketLimiter({ ...options, ...policy });
      limiters.set(shape, limiter);
    }
    byPolicy.set(policy, limiter);
    return limiter;
  };
  return {
    take(key, policy) {
      return Promise.resolve((byPolicy.get(policy) ?? limiterOf(policy)).take(key));
    },
  };
}

/**
 * Refill and take in one atomic step. KEYS[1] holds a hash {tokens, at}; ARGV: limit, windowMs,
 * now in ms (negative: use the Redis server's TIME, one clock for every instance). The key expires
 * once the bucket would be full again, so idle clients cost nothing. Tokens are returned as a
 * string because Redis truncates Lua numbers to integers.
 */
export const TOKEN_BUCKET_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if now < 0 then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = limit
  at = now
end
if now > at then
  tokens = math.min(limit, tokens + (now - at) * limit / window)
  at = now
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil(window))
return { allowed, tostring(tokens) }
`;

/**
 * Client states in which a command would only wait for a reconnection. While the first connection
 * is still being made (`wait`, `connecting`, `connect`), commands queue and are worth the wait.
 */
const UNAVAILABLE: ReadonlySet<string> = new Set(['reconnecting', 'close', 'end']);

const SCRIPT_SHA = createHash('sha1').update(TOKEN_BUCKET_SCRIPT).digest('hex');

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** A connected client, created and closed by the caller. */
  redis: Redis;
  /** Prepended to every bucket key. @default 'taurine:ratelimit:' */
  keyPrefix?: string;
  /** Used while Redis is down, slow or failing. @default a {@link createMemoryRateLimiter} */
  fallback?: RateLimiter;
  /** Longest wait for Redis before the fallback answers. @default 200 */
  timeoutMs?: number;
  /** After a failure, how long to use the fallback before trying Redis again. @default 1000 */
  cooldownMs?: number;
  /** Clock passed to the script; without it the script uses Redis `TIME`. @default Redis TIME */
  now?: () => number;
  /** Told about every Redis failure (the request is still answered by the fallback). */
  onError?: (error: unknown) => void;
}

/**
 * A {@link RateLimiter} shared by every instance through Redis: one Lua script refills and takes
 * atomically. When Redis is not connected, errs or is slower than `timeoutMs`, the memory fallback
 * answers instead, so a Redis outage never fails a request (budgets are then per instance).
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const {
    redis,
    keyPrefix = 'taurine:ratelimit:',
    fallback = createMemoryRateLimiter(),
    timeoutMs = 200,
    cooldownMs = 1000,
    now,
    onError,
  } = options;
  if (!(timeoutMs > 0)) {
    throw new AccessError('INVALID_OPTIONS', 'timeoutMs must be a positive number');
  }
  let skipRedisUntil = 0;

  const run = async (key: string, policy: RateLimitPolicy): Promise<unknown> => {
    const args = [policy.limit, policy.windowMs, now === undefined ? -1 : now()];
    try {
      return await redis.evalsha(SCRIPT_SHA, 1, key, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return redis.eval(TOKEN_BUCKET_SCRIPT, 1, key, ...args);
    }
  };

  return {
    async take(key, policy) {
      if (UNAVAILABLE.has(redis.status) || Date.now() < skipRedisUntil) {
        return fallback.take(key, policy);
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        const reply = await Promise.race([
          run(`${keyPrefix}${key}`, policy),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => {
              reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
            }, timeoutMs);
          }),
        ]);
        return decisionFrom(reply, policy);
      } catch (error) {
        skipRedisUntil = Date.now() + cooldownMs;
        try {
          onError?.(error);
        } catch {
          // A failing reporter must not fail the request either.
        }
        return await fallback.take(key, policy);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function decisionFrom(reply: unknown, policy: RateLimitPolicy): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 2) {
    throw new Error('Unexpected reply from the rate-limit script');
  }
  const allowed = reply[0] === 1;
  const tokens = Number(reply[1]);
  if (!Number.isFinite(tokens)) throw new Error('Unexpected reply from the rate-limit script');
  const refillPerMs = policy.limit / policy.windowMs;
  return {
    allowed,
    limit: policy.limit,
    remaining: Math.floor(tokens),
    resetMs: Math.ceil((policy.limit - tokens) / refillPerMs),
    retryAfterMs: allowed ? 0 : Math.ceil((1 - tokens) / refillPerMs),
  };
}

/**
 * `X-RateLimit-Limit` (the burst), `X-RateLimit-Remaining`, `X-RateLimit-Reset` (seconds until
 * the bucket is full again, as in the IETF RateLimit draft) and, when refused, `Retry-After`
 * (whole seconds, at least 1).
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(Math.ceil(decision.resetMs / 1000)),
  };
  if (!decision.allowed) headers['Retry-After'] = String(retryAfterSeconds(decision));
  return headers;
}

const retryAfterSeconds = (decision: RateLimitDecision): number =>
  Math.max(1, Math.ceil(decision.retryAfterMs / 1000));

/** The message a refused caller reads. */
export function rateLimitMessage(decision: RateLimitDecision): string {
  return `Rate limit exceeded (${decision.limit} requests per window); retry in ${retryAfterSeconds(decision)} s`;
}

/**
 * The GraphQL error for a refused operation: code `RATE_LIMITED`, HTTP 429 and the rate-limit
 * headers when it ends an HTTP request (yoga reads `extensions.http`).
 */
export function rateLimitedError(decision: RateLimitDecision): GraphQLError {
  return new GraphQLError(rateLimitMessage(decision), {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfterSeconds(decision),
      http: { status: 429, headers: rateLimitHeaders(decision) },
    },
  });
}

/** The HTTP 429 response, in GraphQL's error shape so GraphQL clients can show the message. */
export function rateLimitedResponse(decision: RateLimitDecision): Response {
  return Response.json(
    {
      errors: [
        {
          message: rateLimitMessage(decision),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfterSeconds(decision) },
        },
      ],
    },
    { status: 429, headers: rateLimitHeaders(decision) },
  );
}
