/**
 * `npm run bench -- cache`: the tiered cache against its baselines.
 *
 * 1. Memory hits through `TieredCache` against raw `lru-cache` gets (target: the wrapper costs at most
 *    2× the raw get; compared awaited-with-awaited, and the sync baseline is shown too).
 * 2. Redis tier latency and pipelined multi-get throughput against the local Redis (unique prefix,
 *    cleaned up).
 * 3. Request latency through the circuit breaker while Redis hangs (ChaosTier) and while a private
 *    redis-server is killed.
 */
import { ChaosTier, RedisTier, TieredCache } from '@taurine/cache';
import {
  connectRedis,
  createRawLru,
  deleteRedisKeys,
  startPrivateRedisServer,
  uniqueRedisPrefix,
} from '@taurine/cache/testing';
import type { BenchRow } from './table.ts';
import { opsPerSecond, percentile, printTable } from './table.ts';

const KEYS = Array.from({ length: 1024 }, (_, i) => `data:flavor:${i}:v1`);
const MASK = KEYS.length - 1;

/** Like `opsPerSecond`, for an awaited operation. */
async function asyncOpsPerSecond(fn: (i: number) => Promise<unknown>, ms = 1000): Promise<number> {
  const batch = 10_000;
  for (let i = 0; i < batch; i++) await fn(i);
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < batch; i++) await fn(i);
    done += batch;
  }
  return (done / (performance.now() - start)) * 1000;
}

/** Largest sample (spreading 100k samples into Math.max overflows the stack). */
const maxOf = (samples: number[]): number =>
  samples.reduce((max, value) => Math.max(max, value), 0);

/** Latencies in milliseconds of `count` sequential calls. */
async function latencies(count: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function memoryHits(): Promise<void> {
  const raw = createRawLru(64 * 1024 * 1024);
  const cache = new TieredCache();
  for (const key of KEYS) {
    const value = { name: key, caffeineMg: 160 };
    raw.set(key, { value }, { ttl: 60_000 });
    await cache.getOrLoad(key, () => value);
  }
  // Results go somewhere observable so the JIT cannot drop the lookups.
  const sink = { value: undefined as unknown };
  const rawSync = opsPerSecond((n) => {
    for (let i = 0; i < n; i++) sink.value = raw.get(KEYS[i & MASK]!);
  });
  const tierSync = opsPerSecond((n) => {
    for (let i = 0; i < n; i++) sink.value = cache.memory.getSync(KEYS[i & MASK]!);
  });
  const rawAwaited = await asyncOpsPerSecond(
    async (i) => (sink.value = await Promise.resolve(raw.get(KEYS[i & MASK]!))),
  );
  const loader = () => null;
  const tiered = await asyncOpsPerSecond(
    async (i) => (sink.value = await cache.getOrLoad(KEYS[i & MASK]!, loader)),
  );
  const tieredGet = await asyncOpsPerSecond(
    async (i) => (sink.value = await cache.get(KEYS[i & MASK]!)),
  );
  await cache.close();
  const twoX = (value: number, base: number): Pick<BenchRow, 'target' | 'met'> => ({
    target: '<= 2x raw cost',
    met: value >= base / 2,
  });
  printTable('Memory-tier hit: TieredCache vs raw lru-cache (1024 keys, TTL on)', [
    { name: 'raw lru-cache get (sync)', value: rawSync, unit: 'ops/s' },
    {
      name: 'MemoryTier.getSync',
      value: tierSync,
      unit: 'ops/s',
      baseline: 'raw lru-cache get (sync)',
      ...twoX(tierSync, rawSync),
    },
    {
      name: 'raw lru-cache get (awaited)',
      value: rawAwaited,
      unit: 'ops/s',
      baseline: 'raw lru-cache get (sync)',
    },
    {
      name: 'TieredCache.getOrLoad hit (awaited)',
      value: tiered,
      unit: 'ops/s',
      baseline: 'raw lru-cache get (awaited)',
      ...twoX(tiered, rawAwaited),
    },
    {
      name: 'TieredCache.get hit (awaited)',
      value: tieredGet,
      unit: 'ops/s',
      baseline: 'raw lru-cache get (awaited)',
      ...twoX(tieredGet, rawAwaited),
    },
    {
      name: 'TieredCache.getOrLoad hit vs sync raw',
      value: tiered,
      unit: 'ops/s',
      baseline: 'raw lru-cache get (sync)',
    },
  ]);
}

async function redisTier(): Promise<void> {
  const client = await connectRedis();
  const prefix = uniqueRedisPrefix();
  try {
    const tier = new RedisTier({ client, prefix });
    for (const key of KEYS) await tier.set(key, { name: key, caffeineMg: 160 }, 60_000);
    const rawGet = await latencies(3000, (i) => client.get(prefix + KEYS[i & MASK]!));
    const tierGet = await latencies(3000, (i) => tier.get(KEYS[i & MASK]!));
    const batches = 200;
    const batch = 100;
    const sequentialStart = performance.now();
    for (let i = 0; i < 20 * batch; i++) await tier.get(KEYS[i & MASK]!);
    const sequential = ((20 * batch) / (performance.now() - sequentialStart)) * 1000;
    const manyStart = performance.now();
    for (let b = 0; b < batches; b++) {
      await tier.getMany(KEYS.slice((b * batch) & MASK, ((b * batch) & MASK) + batch));
    }
    const many = ((batches * batch) / (performance.now() - manyStart)) * 1000;
    const us = (ms: number) => ms * 1000;
    printTable('Redis tier (local Redis, sequential round trips)', [
      { name: 'raw ioredis GET p50', value: us(percentile(rawGet, 0.5)), unit: 'µs' },
      {
        name: 'RedisTier.get p50 (GET+PTTL)',
        value: us(percentile(tierGet, 0.5)),
        unit: 'µs',
        baseline: 'raw ioredis GET p50',
      },
      { name: 'raw ioredis GET p99', value: us(percentile(rawGet, 0.99)), unit: 'µs' },
      {
        name: 'RedisTier.get p99 (GET+PTTL)',
        value: us(percentile(tierGet, 0.99)),
        unit: 'µs',
        baseline: 'raw ioredis GET p99',
      },
      { name: 'RedisTier.get one key at a time', value: sequential, unit: 'keys/s' },
      {
        name: 'RedisTier.getMany 100 keys/pipeline',
        value: many,
        unit: 'keys/s',
        baseline: 'RedisTier.get one key at a time',
      },
    ]);
  } finally {
    await deleteRedisKeys(prefix, client);
    await client.quit();
  }
}

/** Sequential getOrLoad calls on new keys, so every request goes memory miss → Redis → loader. */
const missTraffic = (cache: TieredCache, label: string) => (i: number) =>
  cache.getOrLoad(`api:${label}:${i}:v1`, () => i);

async function outage(): Promise<void> {
  const client = await connectRedis();
  const prefix = uniqueRedisPrefix();
  const rows: BenchRow[] = [];
  const add = (name: string, samples: number[], baseline?: string) => {
    rows.push({
      name: `${name} p50`,
      value: percentile(samples, 0.5),
      unit: 'ms',
      ...(baseline ? { baseline: `${baseline} p50` } : {}),
    });
    rows.push({
      name: `${name} p99`,
      value: percentile(samples, 0.99),
      unit: 'ms',
      ...(baseline ? { baseline: `${baseline} p99` } : {}),
    });
    // Only the outage rows carry the target: a healthy Redis has no timeout to stay under.
    rows.push({
      name: `${name} max`,
      value: maxOf(samples),
      unit: 'ms',
      ...(baseline ? { target: '<= ~50 ms (timeout)', met: maxOf(samples) < 60 } : {}),
    });
  };
  try {
    const chaos = new ChaosTier(new RedisTier({ client, prefix }));
    const cache = new TieredCache({
      redis: chaos,
      breaker: { timeoutMs: 50, probeIntervalMs: 1000 },
    });
    add('healthy Redis', await latencies(3000, missTraffic(cache, 'healthy')));
    await cache.flush();
    chaos.hang();
    add(
      'Redis hanging (ChaosTier)',
      await latencies(3000, missTraffic(cache, 'hang')),
      'healthy Redis',
    );
    chaos.reset();
    await cache.close();
  } finally {
    await deleteRedisKeys(prefix, client);
    await client.quit();
  }

  const server = await startPrivateRedisServer();
  const spare = await connectRedis(server.port, { retryStrategy: () => 50 });
  try {
    const cache = new TieredCache({
      redis: new RedisTier({ client: spare, prefix: uniqueRedisPrefix() }),
      breaker: { timeoutMs: 50, probeIntervalMs: 200 },
    });
    const samples: number[] = [];
    const state = { running: true };
    const traffic = (async () => {
      for (let i = 0; state.running; i++) {
        const start = performance.now();
        await cache.getOrLoad(`api:kill:${i}:v1`, () => i);
        samples.push(performance.now() - start);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const beforeKill = samples.length;
    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    state.running = false;
    await traffic;
    add('redis-server killed', samples.slice(beforeKill), 'healthy Redis');
    await cache.close();
  } finally {
    spare.disconnect();
    await server.kill();
  }
  printTable('getOrLoad on a memory miss through the breaker (timeout 50 ms)', rows);
}

export async function run(): Promise<void> {
  await memoryHits();
  await redisTier();
  await outage();
}
