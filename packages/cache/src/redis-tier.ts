import type { Redis } from 'ioredis';
import { CacheError } from './cache-error.ts';
import type { CacheEntry, CacheTier, TierSize, TierStatus } from './cache-tier.ts';
import { compileGlob } from './glob-pattern.ts';
import { normalizeTtl, serializeValue } from './json-value.ts';

/** Options of {@link RedisTier}. */
export interface RedisTierOptions {
  /**
   * An ioredis client created by the composition root. The tier never connects, quits or configures
   * it; it must not use ioredis' own `keyPrefix` (use `prefix`, which `SCAN` also honours).
   */
  client: Redis;
  /** Prepended to every key, e.g. `taurine:cache:`. Required so `clear('*')` cannot reach other data. */
  prefix: string;
  /**
   * Name in stats and metrics.
   * @default 'redis'
   */
  name?: string;
  /**
   * `COUNT` hint of each `SCAN` call.
   * @default 500
   */
  scanCount?: number;
  /**
   * Keys per `UNLINK` during `clear`, and per `MGET` during `getMany`.
   * @default 500
   */
  batchSize?: number;
  /**
   * Keys whose `MEMORY USAGE` is read by `size()` to estimate the prefix's footprint.
   * @default 32
   */
  memorySampleSize?: number;
  /**
   * `size()` stops counting after this many keys and reports an estimate.
   * @default 100000
   */
  maxSizeScanKeys?: number;
}

/** Defaults of {@link RedisTierOptions}, as data. */
export const REDIS_TIER_DEFAULTS = {
  name: 'redis',
  scanCount: 500,
  batchSize: 500,
  memorySampleSize: 32,
  maxSizeScanKeys: 100_000,
} as const;

/** Escapes the characters Redis' glob treats specially, so text matches only itself. */
const escapeRedisGlob = (text: string): string => text.replace(/[\\*?[\]]/g, '\\$&');

const positiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * The shared tier: JSON values under a key prefix in Redis, with TTLs set by `PX`. `getMany` is one
 * round trip (`MGET` + `PTTL` in a pipeline); `clear` walks the prefix with `SCAN` and removes
 * matches with `UNLINK` in batches, never `KEYS`. It fails fast with `TIER_UNAVAILABLE` while the
 * client is not connected instead of letting ioredis queue commands until it reconnects.
 */
export class RedisTier implements CacheTier {
  readonly name: string;
  readonly prefix: string;
  readonly #client: Redis;
  readonly #scanCount: number;
  readonly #batchSize: number;
  readonly #memorySampleSize: number;
  readonly #maxSizeScanKeys: number;

  constructor(options: RedisTierOptions) {
    if (typeof options.prefix !== 'string' || options.prefix.length === 0) {
      throw new CacheError('INVALID_OPTIONS', 'RedisTier: prefix must be a non-empty string');
    }
    if (options.client.options.keyPrefix) {
      throw new CacheError(
        'INVALID_OPTIONS',
        'RedisTier: the client must not set keyPrefix; pass the prefix to RedisTier instead',
      );
    }
    const scanCount = options.scanCount ?? REDIS_TIER_DEFAULTS.scanCount;
    const batchSize = options.batchSize ?? REDIS_TIER_DEFAULTS.batchSize;
    const memorySampleSize = options.memorySampleSize ?? REDIS_TIER_DEFAULTS.memorySampleSize;
    const maxSizeScanKeys = options.maxSizeScanKeys ?? REDIS_TIER_DEFAULTS.maxSizeScanKeys;
    if (![scanCount, batchSize, memorySampleSize, maxSizeScanKeys].every(positiveInteger)) {
      throw new CacheError(
        'INVALID_OPTIONS',
        'RedisTier: scanCount, batchSize, memorySampleSize and maxSizeScanKeys must be positive integers',
      );
    }
    this.name = options.name ?? REDIS_TIER_DEFAULTS.name;
    this.prefix = options.prefix;
    this.#client = options.client;
    this.#scanCount = scanCount;
    this.#batchSize = batchSize;
    this.#memorySampleSize = memorySampleSize;
    this.#maxSizeScanKeys = maxSizeScanKeys;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const [entry] = await this.getMany([key]);
    return entry;
  }

  async getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    if (keys.length === 0) return [];
    this.#assertConnected();
    const pipeline = this.#client.pipeline();
    const prefixed = keys.map((key) => this.prefix + key);
    for (let start = 0; start < prefixed.length; start += this.#batchSize) {
      pipeline.mget(prefixed.slice(start, start + this.#batchSize));
    }
    for (const key of prefixed) pipeline.pttl(key);
    const replies = await pipeline.exec();
    if (replies === null) throw new CacheError('TIER_UNAVAILABLE', 'Redis pipeline was aborted');
    const batches = Math.ceil(prefixed.length / this.#batchSize);
    const payloads: unknown[] = [];
    for (let index = 0; index < replies.length; index++) {
      const [error, reply] = replies[index]!;
      if (error) throw new CacheError('TIER_UNAVAILABLE', 'Redis read failed', { cause: error });
      if (index < batches) payloads.push(...(reply as (string | null)[]));
    }
    return keys.map((_, index) => {
      const payload = payloads[index];
      const ttlReply = replies[batches + index]![1] as number;
      if (typeof payload !== 'string' || ttlReply === -2) return undefined;
      try {
        return { value: JSON.parse(payload) as unknown, ttlMs: ttlReply < 0 ? Infinity : ttlReply };
      } catch {
        // Not written by this tier (or truncated): a miss, so the loader replaces it.
        return undefined;
      }
    });
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const ttl = normalizeTtl(ttlMs);
    const json = serializeValue(value);
    this.#assertConnected();
    await this.#client.set(this.prefix + key, json, 'PX', ttl);
  }

  async delete(key: string): Promise<boolean> {
    this.#assertConnected();
    return (await this.#client.unlink(this.prefix + key)) > 0;
  }

  /**
   * `SCAN` is sent only the literal head of the pattern (`<prefix><head>*`), so Redis' own glob
   * does trivial work; each returned key is checked with the linear-time matcher here.
   */
  async clear(pattern: string): Promise<number> {
    const glob = compileGlob(pattern);
    this.#assertConnected();
    const match = `${escapeRedisGlob(this.prefix + glob.literalPrefix)}*`;
    let removed = 0;
    const pending: string[] = [];
    const flush = async (all: boolean): Promise<void> => {
      while (pending.length >= this.#batchSize || (all && pending.length > 0)) {
        removed += await this.#client.unlink(...pending.splice(0, this.#batchSize));
      }
    };
    let cursor = '0';
    do {
      const [next, found] = await this.#client.scan(
        cursor,
        'MATCH',
        match,
        'COUNT',
        this.#scanCount,
      );
      cursor = next;
      for (const fullKey of found) {
        if (glob.matches(fullKey.slice(this.prefix.length))) pending.push(fullKey);
      }
      await flush(false);
    } while (cursor !== '0');
    await flush(true);
    return removed;
  }

  /** Counts the prefix's keys with `SCAN` and estimates their bytes from a `MEMORY USAGE` sample. */
  async size(): Promise<TierSize> {
    this.#assertConnected();
    const match = `${escapeRedisGlob(this.prefix)}*`;
    const sample: string[] = [];
    let keys = 0;
    let cursor = '0';
    let complete = true;
    do {
      const [next, found] = await this.#client.scan(
        cursor,
        'MATCH',
        match,
        'COUNT',
        this.#scanCount,
      );
      cursor = next;
      keys += found.length;
      for (const key of found) if (sample.length < this.#memorySampleSize) sample.push(key);
      if (keys >= this.#maxSizeScanKeys && cursor !== '0') complete = false;
    } while (cursor !== '0' && complete);
    if (sample.length === 0) return { keys, bytes: 0, estimated: !complete };
    const pipeline = this.#client.pipeline();
    for (const key of sample) pipeline.memory('USAGE', key);
    const replies = (await pipeline.exec()) ?? [];
    let sampledBytes = 0;
    let sampled = 0;
    for (const [error, reply] of replies) {
      if (!error && typeof reply === 'number') {
        sampledBytes += reply;
        sampled++;
      }
    }
    const bytes = sampled === 0 ? 0 : Math.round((sampledBytes / sampled) * keys);
    // SCAN may return a key twice, so a full count is exact only up to duplicates; close enough.
    return { keys, bytes, estimated: !complete || sampled < keys };
  }

  status(): TierStatus {
    const status = this.#client.status;
    return status === 'ready' || status === 'wait' ? 'up' : 'down';
  }

  async ping(): Promise<void> {
    this.#assertConnected();
    await this.#client.ping();
  }

  #assertConnected(): void {
    if (this.status() !== 'up') {
      throw new CacheError('TIER_UNAVAILABLE', `Redis connection is ${this.#client.status}`);
    }
  }
}
