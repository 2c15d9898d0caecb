/**
 * Snapshot fan-out (issue 14): the Taurine server and a plain yoga + graphql-ws server, each in its
 * own process, with 5,000 and then 10,000 graphql-ws subscribers held by two client processes
 * (`fanout-clients.ts`), one socket and one subscription each. Taurine subscribers run the SPA's
 * `DashboardSnapshot` subscription; a snapshot is published every `COLLECT_INTERVAL_MS`. The
 * plain server pushes an object of the same JSON size on the same interval.
 *
 * Latency of one delivery = receive instant in a client process minus the snapshot's `at`, both on
 * the machine's wall clock. Plain yoga stamps `at` when it publishes; Taurine's `at` is taken at
 * the start of the collection tick, before the tick's own work (sampling, alert evaluation, rollup
 * flush): the "1 subscriber" rows show that work plus one delivery. For each tick delivered to
 * every subscriber the p50, p99 and max (the last delivery) are taken; the table shows the median
 * tick of {@link TICKS}. RSS per subscriber = (server RSS with N subscribers − RSS with one) / N.
 *
 * `FANOUT_CPU_PROF=<dir>` runs the Taurine server with `--cpu-prof` into that directory.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import type { FanoutCommand, FanoutReply } from './fanout-clients.ts';
import { percentile, printTable } from './table.ts';
import type { BenchRow } from './table.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
/** Subscriber counts measured; `FANOUT_SUBSCRIBERS=100,200` for a quick look. */
const SUBSCRIBERS = (process.env.FANOUT_SUBSCRIBERS ?? '5000,10000').split(',').map(Number);
const CLIENT_PROCESSES = 2;
const INTERVAL_MS = 2_000;
/** Complete ticks measured at each subscriber count. */
const TICKS = 3;

/** The SPA's dashboard subscription, as its persisted document (fragments included). */
function dashboardSubscription(): string {
  const path = join(ROOT, 'apps/web/src/gql/persisted-documents.json');
  const documents = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const found = Object.values(documents).find((text) =>
    text.includes('subscription DashboardSnapshot'),
  );
  if (found === undefined) throw new Error(`no DashboardSnapshot document in ${path}`);
  return found;
}

/** A client process and a way to ask it something. */
interface ClientProcess {
  child: ChildProcess;
  ask<T extends FanoutReply['type']>(
    command: FanoutCommand,
    reply: T,
  ): Promise<Extract<FanoutReply, { type: T }>>;
}

function startClientProcess(): ClientProcess {
  const child = fork(join(HERE, 'fanout-clients.ts'), [], {
    execArgv: ['--import', TSX],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    child,
    ask: (command, reply) =>
      new Promise((answered, failed) => {
        const onMessage = (message: FanoutReply) => {
          if (message.type !== reply) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          answered(message as never);
        };
        const onExit = (code: number | null) => {
          failed(new Error(`a fan-out client process exited (${String(code)})`));
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send(command);
      }),
  };
}

/** Resident set size of process `pid` in bytes (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** Where the run is, on stderr: opening thousands of sockets takes a while. */
const progress = (message: string) => {
  process.stderr.write(`fanout ${new Date().toISOString().slice(11, 19)} ${message}\n`);
};

/**
 * The server holds one file per subscriber: refuse to start below that rather than fail halfway.
 * Child processes inherit this process' limit (`ulimit -n`).
 */
function checkOpenFileLimit(): void {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/Max open files\s+(\d+)/.exec(limits)?.[1] ?? Infinity);
  const needed = Math.max(...SUBSCRIBERS) + 1_000;
  if (soft < needed) {
    throw new Error(`ulimit -n is ${soft}; the fan-out benchmark needs ${needed}: raise it first`);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface TickFigures {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Waits for {@link TICKS} ticks delivered to all `subscribers` (ticks under way when this starts
 * are dropped) and returns the median tick's figures, in ms.
 */
async function measureTicks(clients: ClientProcess[], subscribers: number): Promise<TickFigures> {
  await Promise.all(clients.map((client) => client.ask({ type: 'drain' }, 'drained')));
  const byTick = new Map<number, number[]>();
  const complete: TickFigures[] = [];
  const deadline = Date.now() + INTERVAL_MS * (TICKS + 4) + 20_000;
  while (complete.length < TICKS) {
    if (Date.now() > deadline) {
      const counts = [...byTick].map(([at, times]) => `${at}: ${times.length}`).join(', ');
      throw new Error(
        `fewer than ${TICKS} ticks reached all ${subscribers} subscribers (${counts})`,
      );
    }
    await sleep(250);
    const replies = await Promise.all(
      clients.map((client) => client.ask({ type: 'drain' }, 'drained')),
    );
    for (const { deliveries } of replies) {
      for (const [at, times] of Object.entries(deliveries)) {
        const list = byTick.get(Number(at)) ?? [];
        byTick.set(Number(at), list.concat(times.map((time) => time - Number(at))));
      }
    }
    for (const [at, latencies] of byTick) {
      if (latencies.length < subscribers) continue;
      byTick.delete(at);
      complete.push({
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        max: Math.max(...latencies),
      });
    }
  }
  const median = (pick: (tick: TickFigures) => number) => percentile(complete.map(pick), 0.5);
  return { p50: median((t) => t.p50), p99: median((t) => t.p99), max: median((t) => t.max) };
}

/** Opens `count` more subscribers, split over the client processes; throws if any failed. */
async function openSubscribers(
  clients: ClientProcess[],
  url: string,
  query: string,
  count: number,
) {
  const wsUrl = `${url.replace('http', 'ws')}/graphql`;
  const share = Math.ceil(count / clients.length);
  const replies = await Promise.all(
    clients.map((client, i) =>
      client.ask(
        { type: 'open', url: wsUrl, query, count: Math.min(share, count - i * share) },
        'opened',
      ),
    ),
  );
  const failure = replies.find((reply) => reply.failed > 0);
  if (failure !== undefined) {
    throw new Error(`${failure.failed} subscriptions failed: ${failure.firstError ?? ''}`);
  }
  return {
    payloadBytes: replies[0]!.payloadBytes,
    retries: replies.reduce((sum, reply) => sum + reply.retries, 0),
  };
}

interface ServerFigures {
  single: TickFigures;
  at: Map<number, TickFigures & { rssPerSubscriberKiB: number }>;
  payloadBytes: number;
  /** Connections closed by the server before their subscription started, and made again. */
  retries: number;
}

/** One subscriber, then each count of {@link SUBSCRIBERS}, against `server`. */
async function measureServer(
  server: ServerProcess,
  clients: ClientProcess[],
  query: string,
): Promise<ServerFigures> {
  const first = await openSubscribers(clients.slice(0, 1), server.url, query, 1);
  let retries = first.retries;
  const single = await measureTicks(clients, 1);
  const rssBefore = rssOf(server.pid);
  const at = new Map<number, TickFigures & { rssPerSubscriberKiB: number }>();
  let open = 1;
  for (const subscribers of SUBSCRIBERS) {
    progress(`${server.url}: opening ${subscribers - open} more subscribers`);
    retries += (await openSubscribers(clients, server.url, query, subscribers - open)).retries;
    open = subscribers;
    progress(`${server.url}: ${subscribers} subscribers open, measuring ${TICKS} ticks`);
    const ticks = await measureTicks(clients, subscribers);
    const rssPerSubscriberKiB = (rssOf(server.pid) - rssBefore) / subscribers / 1024;
    at.set(subscribers, { ...ticks, rssPerSubscriberKiB });
  }
  await Promise.all(clients.map((client) => client.ask({ type: 'close' }, 'closed')));
  return { single, at, payloadBytes: first.payloadBytes, retries };
}

function rowsFor(yoga: ServerFigures, taurine: ServerFigures): BenchRow[] {
  const pair = (label: string, unit: string, pick: (f: ServerFigures) => number): BenchRow[] => [
    { name: `plain yoga: ${label}`, value: pick(yoga), unit },
    {
      name: `Taurine: ${label}`,
      value: pick(taurine),
      unit,
      baseline: `plain yoga: ${label}`,
    },
  ];
  const rows = [
    ...pair('1 subscriber, delivery', 'ms', (f) => f.single.max),
    ...pair('message size', 'B', (f) => f.payloadBytes),
    ...pair('connections made again', 'sockets', (f) => f.retries),
  ];
  for (const n of SUBSCRIBERS) {
    const at = (f: ServerFigures) => f.at.get(n)!;
    rows.push(
      ...pair(`${n} subs, p50 delivery`, 'ms', (f) => at(f).p50),
      ...pair(`${n} subs, p99 delivery`, 'ms', (f) => at(f).p99),
      ...pair(`${n} subs, last delivery`, 'ms', (f) => at(f).max),
      ...pair(`${n} subs, RSS per subscriber`, 'KiB', (f) => at(f).rssPerSubscriberKiB),
    );
  }
  return rows;
}

export async function run(): Promise<void> {
  checkOpenFileLimit();
  const dataDir = mkdtempSync(join(tmpdir(), 'taurine-fanout-'));
  const clients = Array.from({ length: CLIENT_PROCESSES }, startClientProcess);
  const servers: ServerProcess[] = [];
  const profileDir = process.env.FANOUT_CPU_PROF;
  try {
    const taurineServer = await startServerProcess(
      {
        DATA_DIR: dataDir,
        PUBLIC_DASHBOARD: 'true',
        CACHE_WARM_ON_START: 'false',
        COLLECT_INTERVAL_MS: String(INTERVAL_MS),
        SUBSCRIPTIONS_PER_CLIENT: '100000',
        SUBSCRIPTIONS_MAX: '100000',
        HTTP_MAX_CONNECTIONS: '100000',
        RATE_LIMIT_ANONYMOUS: '1000000',
      },
      90_000,
      profileDir === undefined ? {} : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] },
    );
    servers.push(taurineServer);
    const taurine = await measureServer(taurineServer, clients, dashboardSubscription());
    await taurineServer.kill('SIGTERM');

    const yogaServer = await startServerProcess(
      {
        FANOUT_INTERVAL_MS: String(INTERVAL_MS),
        FANOUT_PAYLOAD_BYTES: String(taurine.payloadBytes),
      },
      90_000,
      { script: join(HERE, 'fanout-yoga-server.ts') },
    );
    servers.push(yogaServer);
    const yoga = await measureServer(yogaServer, clients, 'subscription { snapshot { at data } }');

    printTable(
      `Snapshot fan-out: graphql-ws subscribers in ${CLIENT_PROCESSES} client processes, median of ${TICKS} ticks`,
      rowsFor(yoga, taurine),
    );
  } finally {
    await Promise.all(servers.map((server) => server.kill('SIGTERM')));
    for (const client of clients) client.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
