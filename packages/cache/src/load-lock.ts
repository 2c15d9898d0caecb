import type { Redis } from 'ioredis';

/**
 * A lock per cache key across instances, so a cold key is loaded once per deployment rather than
 * once per instance. Its implementations may fail (Redis away): the cache then loads per instance.
 */
export interface LoadLock {
  /**
   * Takes the lock of `key` for `ttlMs`: a release function when taken, null when another holder
   * has it. Rejects when the lock store cannot answer.
   */
  acquire(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
  /** Whether anyone holds the lock of `key`. Rejects when the lock store cannot answer. */
  held(key: string): Promise<boolean>;
}

/** Options of {@link createRedisLoadLock}. */
export interface RedisLoadLockOptions {
  /** A command connection from the composition root. */
  client: Pick<Redis, 'set' | 'eval' | 'exists'>;
  /** Prefix of the lock keys, e.g. `taurine:cache-lock:`. */
  prefix: string;
  /** A lock command slower than this counts as failed (load per instance). @default 100 */
  timeoutMs?: number;
}

/** Defaults of the load lock, as data. */
export const LOAD_LOCK_DEFAULTS = {
  timeoutMs: 100,
  /** How long a lock lives if its holder dies mid-load. */
  ttlMs: 5_000,
  /** How often a waiting instance looks for the holder's value. */
  pollMs: 20,
} as const;

// Delete only our own lock: after a TTL expiry another instance may hold it.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`load lock: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/** A {@link LoadLock} on Redis: `SET NX PX` with a random token, released by compare-and-delete. */
export function createRedisLoadLock(options: RedisLoadLockOptions): LoadLock {
  const { client, prefix } = options;
  const timeoutMs = options.timeoutMs ?? LOAD_LOCK_DEFAULTS.timeoutMs;
  return {
    async acquire(key, ttlMs) {
      const lockKey = prefix + key;
      const token = crypto.randomUUID();
      const taken = await withTimeout(client.set(lockKey, token, 'PX', ttlMs, 'NX'), timeoutMs);
      if (taken !== 'OK') return null;
      return async () => {
        await withTimeout(client.eval(RELEASE, 1, lockKey, token), timeoutMs);
      };
    },
    async held(key) {
      return (await withTimeout(client.exists(prefix + key), timeoutMs)) === 1;
    },
  };
}
