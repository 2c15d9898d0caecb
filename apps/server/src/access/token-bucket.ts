/** Result of asking a limiter for one request's worth of budget. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed per `windowMs` (the bucket's capacity). */
  limit: number;
  /** Whole requests left right now. */
  remaining: number;
  /** When the bucket is full again (ms from now). */
  resetMs: number;
  /** When to try again if refused (ms from now); 0 when allowed. */
  retryAfterMs: number;
}

export interface TokenBucketOptions {
  /** Requests per window; also the burst size. */
  limit: number;
  /** Window in ms over which `limit` tokens refill. */
  windowMs: number;
  /** Most clients tracked at once; the least recently seen are dropped first. @default 50000 */
  maxClients?: number;
  /** @default Date.now */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * In-memory token bucket per client key: smooth refill (no burst at window edges, unlike fixed
 * windows), O(1) per request, bounded memory.
 */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #options: Required<TokenBucketOptions>;

  constructor(options: TokenBucketOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError('limit must be a positive integer');
    }
    if (!(options.windowMs > 0)) throw new RangeError('windowMs must be a positive number');
    this.#options = { maxClients: 50_000, now: Date.now, ...options };
  }

  take(key: string): RateLimitDecision {
    const { limit, windowMs, maxClients, now } = this.#options;
    const at = now();
    const refillPerMs = limit / windowMs;
    const bucket = this.#buckets.get(key) ?? { tokens: limit, updatedAt: at };
    bucket.tokens = Math.min(limit, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = at;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > maxClients) {
      const oldest = this.#buckets.keys().next();
      if (!oldest.done) this.#buckets.delete(oldest.value);
    }
    return {
      allowed,
      limit,
      remaining: Math.floor(bucket.tokens),
      resetMs: Math.ceil((limit - bucket.tokens) / refillPerMs),
      retryAfterMs: allowed ? 0 : Math.ceil((1 - bucket.tokens) / refillPerMs),
    };
  }
}
