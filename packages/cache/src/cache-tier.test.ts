import { describeCacheTierContract } from './cache-tier-contract.ts';
import { ChaosTier } from './chaos-tier.ts';
import { CircuitBreakerTier } from './circuit-breaker-tier.ts';
import { MemoryTier } from './memory-tier.ts';
import { RedisTier } from './redis-tier.ts';
import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from './testing/redis.ts';

const redisFixture = async (wrap: (tier: RedisTier) => RedisTier | CircuitBreakerTier) => {
  const client = await connectRedis();
  const prefix = uniqueRedisPrefix();
  const breaker = wrap(new RedisTier({ client, prefix }));
  return {
    tier: breaker,
    async cleanup() {
      if (breaker instanceof CircuitBreakerTier) breaker.close();
      await deleteRedisKeys(prefix, client);
      await client.quit();
    },
  };
};

describeCacheTierContract('MemoryTier', () =>
  Promise.resolve({ tier: new MemoryTier(), cleanup: () => Promise.resolve() }),
);

describeCacheTierContract('MemoryTier with compression', () =>
  Promise.resolve({
    tier: new MemoryTier({ compression: { algorithm: 'brotli', thresholdBytes: 64 } }),
    cleanup: () => Promise.resolve(),
  }),
);

describeCacheTierContract('RedisTier (local Redis)', () => redisFixture((tier) => tier));

describeCacheTierContract('ChaosTier around MemoryTier, no fault injected', () =>
  Promise.resolve({ tier: new ChaosTier(new MemoryTier()), cleanup: () => Promise.resolve() }),
);

describeCacheTierContract('CircuitBreakerTier around RedisTier', () =>
  redisFixture((tier) => new CircuitBreakerTier(tier, { timeoutMs: 1000 })),
);
