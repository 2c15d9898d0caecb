import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis every test run shares (127.0.0.1:6379); tests isolate themselves by key prefix. */
export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';

/** A prefix no other run uses, e.g. `taurine-test-1a2b3c4d5e6f:`. */
export const uniqueRedisPrefix = (): string => `taurine-test-${randomBytes(6).toString('hex')}:`;

/** Deletes every key under `prefix` (SCAN, never KEYS), so a run leaves the shared Redis as it was. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(SHARED_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
