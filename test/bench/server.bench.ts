/**
 * Server benchmarks: the instrumentation plugin's overhead, the cache's effect on the `flavors`
 * query, and how fast a snapshot reaches thousands of graphql-ws subscribers.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { createYoga } from 'graphql-yoga';
import WebSocket from 'ws';
import { useResponseTiming } from '../../apps/server/src/metrics/use-response-timing.ts';
import { buildSchema } from '../../apps/server/src/schema/index.ts';
import { createCatalogService } from '../../apps/server/src/catalog/catalog-service.ts';
import type { Services } from '../../apps/server/src/services.ts';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import { printTable } from './table.ts';
import type { BenchRow } from './table.ts';

const FLAVORS = JSON.stringify({
  query: 'query Flavors { flavors(first: 20) { edges { node { id name caffeineMg } } } }',
});

/** Requests per second through `fetch` of one yoga instance, in-process (no network noise). */
async function requestsPerSecond(
  fetchFn: (request: Request) => Promise<Response> | Response,
  ms: number,
) {
  const make = () =>
    new Request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FLAVORS,
    });
  for (let i = 0; i < 300; i += 1) await (await fetchFn(make())).text();
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await Promise.all(Array.from({ length: 8 }, async () => (await fetchFn(make())).text()));
    done += 8;
  }
  return (done / (performance.now() - start)) * 1000;
}

async function pluginAndCache(): Promise<void> {
  const app = await createTestApp();
  const schema = buildSchema();
  const variant = (services: Services, plugins: Parameters<typeof createYoga>[0]['plugins']) =>
    createYoga({ schema, logging: false, context: () => ({ services, sessionId: null }), plugins });
  const timed = variant(app.services, [
    useResponseTiming({ recorder: app.services.metrics.registry }),
  ]);
  const untimed = variant(app.services, []);
  const uncached = variant({ ...app.services, catalog: createCatalogService() }, []);
  // Warm every variant, then interleave short runs so drift on a shared machine hits all alike.
  for (const yoga of [untimed, timed, uncached]) await requestsPerSecond((r) => yoga.fetch(r), 500);
  const rounds = 5;
  const results = { timed: 0, untimed: 0, uncached: 0 };
  for (let round = 0; round < rounds; round += 1) {
    results.untimed += await requestsPerSecond((r) => untimed.fetch(r), 500);
    results.timed += await requestsPerSecond((r) => timed.fetch(r), 500);
    results.uncached += await requestsPerSecond((r) => uncached.fetch(r), 500);
  }
  const loss = 1 - results.timed / results.untimed;
  const rows: BenchRow[] = [
    { name: 'flavors, no instrumentation', value: results.untimed / rounds, unit: 'req/s' },
    {
      name: 'flavors, with useResponseTiming',
      value: results.timed / rounds,
      unit: 'req/s',
      baseline: 'flavors, no instrumentation',
      target: '<= 5 % loss',
      met: loss <= 0.05,
    },
    {
      name: 'flavors, cache disabled',
      value: results.uncached / rounds,
      unit: 'req/s',
      baseline: 'flavors, no instrumentation',
    },
  ];
  printTable(
    `Instrumentation overhead and cache effect (in-process yoga.fetch, loss ${(loss * 100).toFixed(1)} %)`,
    rows,
  );
  await app.dispose();
}

/** Starts the real server in a child process so its memory is measured alone. */
async function startServer(dataDir: string, intervalMs: number) {
  const child = spawn('npx', ['tsx', 'apps/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      // Subscribers connect without a key, all from one address: open the dashboard and lift the
      // per-address limit so the benchmark measures fan-out, not access control.
      PUBLIC_DASHBOARD: 'true',
      RATE_LIMIT_ANONYMOUS: '1000000',
      COLLECT_INTERVAL_MS: String(intervalMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /serving on (http:\/\/\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${code}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function fanOut(subscribers: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taurine-bench-'));
  const intervalMs = 4000;
  const server = await startServer(dataDir, intervalMs);
  const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
  const clients = Array.from({ length: subscribers }, () =>
    createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 }),
  );
  const initial: Promise<void>[] = [];
  const arrivals = new Map<string, number[]>();
  const rssAt = new Map<string, number>();
  let before = NaN;
  for (const client of clients) {
    let first = true;
    initial.push(
      new Promise<void>((resolve, reject) => {
        client.subscribe<{ snapshot: { at: string; memory: { rssMB: number } } }>(
          { query: 'subscription { snapshot { at healthScore requests24h memory { rssMB } } }' },
          {
            next: ({ data, errors }) => {
              if (!data) {
                reject(new Error(JSON.stringify(errors)));
                return;
              }
              if (first) {
                first = false;
                if (Number.isNaN(before)) before = data.snapshot.memory.rssMB;
                resolve();
                return;
              }
              const at = data.snapshot.at;
              rssAt.set(at, data.snapshot.memory.rssMB);
              const list = arrivals.get(at) ?? [];
              list.push(Date.now());
              arrivals.set(at, list);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      }),
    );
  }
  await Promise.all(initial);
  // Wait for a tick that every subscriber received.
  const deadline = Date.now() + intervalMs * 4;
  let fanOutMs = NaN;
  let after = NaN;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const complete = [...arrivals.entries()].find(([, times]) => times.length === subscribers);
    if (complete) {
      fanOutMs = Math.max(...complete[1]) - Date.parse(complete[0]);
      after = rssAt.get(complete[0]) ?? NaN;
      break;
    }
  }
  for (const client of clients) void client.dispose();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return [
    { name: `snapshot to ${subscribers} subscribers`, value: fanOutMs, unit: 'ms' },
    {
      name: `server RSS per subscriber (${subscribers})`,
      value: ((after - before) * 1024) / subscribers,
      unit: 'KiB',
    },
  ];
}

export async function run(): Promise<void> {
  await pluginAndCache();
  const rows = [...(await fanOut(1000)), ...(await fanOut(5000))];
  printTable(
    'Snapshot fan-out over graphql-ws (server in a child process, clients in this one)',
    rows,
  );
}
