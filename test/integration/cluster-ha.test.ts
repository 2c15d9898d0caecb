/**
 * Three real server processes on the machine's PostgreSQL (a fresh schema) and Redis (a unique
 * prefix) behind a round-robin proxy, as `npm run cluster` runs them: one answer whichever
 * instance serves, one snapshot stream, and nothing lost when an instance is SIGKILLed.
 */
import { SHARED_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import { seededRandom } from '@taurine/monitor/testing';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { TEST_DATABASE_URL, createPostgresHarness } from '@taurine/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../apps/server/src/access/api-keys.ts';
import { startRoundRobinProxy } from '../../scripts/round-robin-proxy.ts';
import type { RoundRobinProxy } from '../../scripts/round-robin-proxy.ts';
import { createRule, restartSafeBreachRule } from '../testing/alerting-server.ts';
import { openLiveClient } from '../testing/live-client.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { waitUntil } from '../testing/wait-until.ts';

const INTERVAL_MS = 1000;
const REQUESTS = 240;
const ROUTE = '/cluster-probe';
const adminKey = generateApiKey().key;
const prefix = uniqueRedisPrefix();
const database = createPostgresHarness('cluster');
const servers: ServerProcess[] = [];
let proxy: RoundRobinProxy;
let receiver: HttpReceiver;
let accepting = false;
/** Idempotency keys of the notifications the receiver accepted, in order. */
const accepted: string[] = [];

const env = (id: string) => ({
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: database.schema,
  REDIS_URL: SHARED_REDIS_URL,
  REDIS_PREFIX: prefix,
  INSTANCE_ID: id,
  ADMIN_API_KEY: adminKey,
  COLLECT_INTERVAL_MS: String(INTERVAL_MS),
  ALERT_OUTBOX_LEASE_MS: '1000',
  ALERT_WEBHOOK_URL: receiver.url,
  CACHE_WARM_ON_START: 'false',
});

/** A GraphQL operation through `url` (the proxy, or one instance). */
async function graphql<T>(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': adminKey },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

interface Stats {
  count: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}
const lcpStats = async (url: string, instance?: string) =>
  (
    await graphql<{ stats: Stats }>(
      url,
      'query ($tags: [TagInput!], $instance: String) { stats(name: "webvitals.LCP", tags: $tags, window: LAST_1H, instance: $instance) { count p50 p95 p99 } }',
      { tags: [{ key: 'route', value: ROUTE }], instance },
    )
  ).stats;

interface Instance {
  id: string;
  leader: boolean;
  status: string;
}
const instancesSeenBy = async (url: string) =>
  (await graphql<{ instances: Instance[] }>(url, '{ instances { id leader status } }')).instances;

const exactQuantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

/** Posts one LCP beacon through the proxy. */
async function beacon(value: number, route = ROUTE): Promise<number> {
  const response = await fetch(`${proxy.url}/rum`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route, vitals: [{ name: 'LCP', value, id: `v-${value}` }] }),
  });
  return response.status;
}

beforeAll(async () => {
  receiver = await startHttpReceiver((request) => {
    if (!accepting) return { status: 500, body: 'down for maintenance' };
    accepted.push(String(request.headers['idempotency-key']));
    return { status: 200, body: 'ok' };
  });
  // The first instance migrates the fresh schema; the others start on it together.
  servers.push(await startServerProcess(env('ha-1'), 60_000));
  servers.push(
    ...(await Promise.all([
      startServerProcess(env('ha-2'), 60_000),
      startServerProcess(env('ha-3'), 60_000),
    ])),
  );
  proxy = await startRoundRobinProxy({ targets: servers.map((server) => server.url) });
}, 120_000);

afterAll(async () => {
  await proxy.close();
  await Promise.all(servers.map((server) => server.kill('SIGTERM')));
  await receiver.close();
  await database.cleanup();
  await deleteRedisKeys(prefix);
});

const sent: number[] = [];

describe('three instances behind one address', () => {
  it('gives every instance the exact count and merged quantiles within 1 %', async () => {
    const random = seededRandom(15);
    for (let i = 0; i < REQUESTS; i++) {
      const value = Math.round(50 + Math.exp(random() * 8) * 2);
      sent.push(value);
      expect(await beacon(value)).toBe(204);
    }
    for (const server of servers) {
      await waitUntil(async () => (await lcpStats(server.url)).count === REQUESTS, 30_000);
    }
    // Round robin spread them: each instance holds a third, and its own stats say so.
    const own = await Promise.all(['ha-1', 'ha-2', 'ha-3'].map((id) => lcpStats(proxy.url, id)));
    expect(own.map((stats) => stats.count)).toEqual([80, 80, 80]);
    for (const server of servers) {
      const stats = await lcpStats(server.url);
      for (const [q, value] of [
        [0.5, stats.p50],
        [0.95, stats.p95],
        [0.99, stats.p99],
      ] as const) {
        const exact = exactQuantile(sent, q);
        expect(Math.abs(value! - exact)).toBeLessThanOrEqual(exact * 0.01);
      }
    }
    const instances = await instancesSeenBy(proxy.url);
    expect(instances.map((instance) => [instance.id, instance.status])).toEqual([
      ['ha-1', 'LIVE'],
      ['ha-2', 'LIVE'],
      ['ha-3', 'LIVE'],
    ]);
    expect(instances.filter((instance) => instance.leader)).toHaveLength(1);
  });

  it('streams one cluster snapshot per tick, whichever instance holds the socket', async () => {
    const live = openLiveClient(`${proxy.url.replace('http', 'ws')}/graphql`, {
      'x-api-key': adminKey,
    });
    const stream = live.subscribe<{
      snapshot: { at: string; scope: string; instances: unknown[] };
    }>('subscription { snapshot { at scope instances { id } } }');
    try {
      await waitUntil(() => stream.data.length >= 6, 30_000);
      stream.stop();
      const snapshots = stream.data.map((data) => data.snapshot);
      expect(snapshots.every((snapshot) => snapshot.scope === 'cluster')).toBe(true);
      expect(snapshots.every((snapshot) => snapshot.instances.length === 3)).toBe(true);
      const ats = snapshots.map((snapshot) => Date.parse(snapshot.at));
      // One producer: times only move forward, and never three snapshots for one tick.
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      expect(new Set(ats).size).toBe(ats.length);
      const span = ats.at(-1)! - ats[1]!;
      expect(ats.length - 2).toBeLessThanOrEqual(Math.ceil((span / INTERVAL_MS) * 1.5) + 1);
    } finally {
      await live.dispose();
    }
  });

  it('loads a cold cache key once when three instances miss it at the same time', async () => {
    const loaderCalls = async () =>
      (
        await Promise.all(
          servers.map((server) =>
            graphql<{ caches: { loaderCalls: number } }>(server.url, '{ caches { loaderCalls } }'),
          ),
        )
      ).reduce((sum, data) => sum + data.caches.loaderCalls, 0);
    const search = (text: string) =>
      `{ flavors(first: 2, filter: { search: "${text}" }) { totalCount } }`;
    // What one cold search costs one instance alone, the catalogue itself warm everywhere.
    await Promise.all(servers.map((server) => graphql(server.url, search('cluster-warm'))));
    const beforeAlone = await loaderCalls();
    await graphql(servers[0]!.url, search('cluster-alone'));
    const alone = (await loaderCalls()) - beforeAlone;
    expect(alone).toBeGreaterThan(0);
    // The same cold search on three instances at once costs the deployment no more.
    const before = await loaderCalls();
    await Promise.all(
      servers.flatMap((server) => [1, 2].map(() => graphql(server.url, search('cluster-cold')))),
    );
    expect((await loaderCalls()) - before).toBe(alone);
  });

  it('keeps answering, and keeps the totals, when an instance is SIGKILLed under load', async () => {
    await createRule(servers[0]!, adminKey, restartSafeBreachRule('cluster.api-p95'));
    // The rule fires on the leader; the receiver refuses, so the notification stays pending.
    await waitUntil(() => receiver.requests.length >= 1, 30_000);
    const leader = (await instancesSeenBy(proxy.url)).find((instance) => instance.leader)!;
    const victim = servers[['ha-1', 'ha-2', 'ha-3'].indexOf(leader.id)]!;
    const survivors = servers.filter((server) => server !== victim);

    const traffic = { running: true };
    const load = (async () => {
      let i = 0;
      while (traffic.running) await beacon(100 + (i++ % 50), '/cluster-load').catch(() => 0);
    })();
    await victim.kill('SIGKILL');
    accepting = true;

    // The survivors answer, with the dead instance's closed history still in the totals.
    for (const survivor of survivors) {
      expect((await lcpStats(survivor.url)).count).toBe(REQUESTS);
    }
    // Leadership moves to a live instance; the dead one leaves the live view.
    await waitUntil(async () => {
      const instances = await instancesSeenBy(survivors[0]!.url);
      const now = instances.find((instance) => instance.leader);
      const dead = instances.find((instance) => instance.id === leader.id);
      return now !== undefined && now.id !== leader.id && dead?.status === 'GONE';
    }, 30_000);
    // The pending notification is delivered once, by a survivor.
    await waitUntil(() => accepted.length >= 1, 30_000);
    const key = accepted[0]!;
    const ticksLater = Date.now() + 3 * INTERVAL_MS;
    await waitUntil(async () => {
      const snapshot = await graphql<{ snapshot: { at: string } | null }>(
        survivors[0]!.url,
        '{ snapshot { at } }',
      );
      return snapshot.snapshot !== null && Date.parse(snapshot.snapshot.at) > ticksLater;
    }, 30_000);
    expect(accepted.filter((accepted) => accepted === key)).toHaveLength(1);
    traffic.running = false;
    await load;
    expect((await lcpStats(proxy.url)).count).toBe(REQUESTS);
  });
});
