import type { Redis } from 'ioredis';

/**
 * Decides which instance evaluates alert rules when several share a Redis: the holder of a Redis
 * key with a TTL, renewed on every tick. If the holder dies, the key expires and another instance
 * takes over within `ttlMs`. Without Redis (one instance), this instance always leads.
 */
export interface LeaderLock {
  /** Takes or renews the lock; true while this instance holds it. Never rejects. */
  acquire(): Promise<boolean>;
  /** Gives the lock up (graceful shutdown), so another instance takes over at once. */
  release(): Promise<void>;
}

// Renew only our own lock; take it only when free. Atomic, so two instances never both lead.
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createLeaderLock(options: {
  redis: Redis | undefined;
  key: string;
  instanceId: string;
  ttlMs: number;
}): LeaderLock {
  const { redis, key, instanceId, ttlMs } = options;
  if (!redis) return { acquire: () => Promise.resolve(true), release: () => Promise.resolve() };
  // While Redis is unreachable nobody can prove leadership; the last known answer stands, so a
  // single instance keeps alerting through a Redis outage instead of going silent.
  let leading = false;
  return {
    async acquire() {
      try {
        leading = (await redis.eval(ACQUIRE, 1, key, instanceId, String(ttlMs))) === 1;
      } catch {
        // keep the last answer
      }
      return leading;
    },
    async release() {
      try {
        await redis.eval(RELEASE, 1, key, instanceId);
      } catch {
        // The TTL frees it anyway.
      }
      leading = false;
    },
  };
}
