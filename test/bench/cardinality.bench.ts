/**
 * Cardinality attack against the real server over loopback HTTP: every public path gets distinct
 * values (GraphQL operation names and documents, large ones too, `/rum` routes, calculator inputs and flavor ids that become cache
 * keys, `trackEvent` payloads, search strings, REST paths, session ids, junk API keys), in rounds.
 * After each round the server's memory is read through its inspector after a full GC. The rows show
 * whether memory levels off (bounded structures) or keeps rising with the number of distinct values.
 * `CARDINALITY_VALUES` (default 20 000) sets the distinct values per path; `CARDINALITY_ROUNDS`
 * (default 4) how many samples are taken along the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVE_SESSIONS_DEFAULTS } from '@taurine/monitor';
import { startServerProcess } from '../testing/server-process.ts';
import { waitUntil } from '../testing/wait-until.ts';
import { connectInspector, inspectorUrlIn } from './inspector-memory.ts';
import type { ProcessMemory } from './inspector-memory.ts';
import { printTable } from './table.ts';
import type { BenchRow } from './table.ts';

const VALUES = Number(process.env['CARDINALITY_VALUES'] ?? 20_000);
const ROUNDS = Number(process.env['CARDINALITY_ROUNDS'] ?? 4);
/** Requests in flight at once: enough to keep the server busy on two cores. */
const CONCURRENCY = 8;
/** Distinct values per GraphQL request (aliases; the armor allows 15). */
const ALIASES = 12;
/**
 * What the README's bounds add up to above an idle server, rollups aside: series (9 metrics take
 * client input, 1,000 tag sets of ~3 KB), the cache's memory tier (64 MiB of JSON, ~1.5x in heap),
 * parsed documents (~25 MiB), sessions, API key lookups and rate-limit buckets (~15 MiB).
 */
const HEAP_CEILING_MIB = 165;
/** One large valid and one large invalid document per this many values. */
const BIG_DOCUMENT_EVERY = 10;

type Send = (path: string, init: RequestInit) => Promise<void>;

/** The requests that carry `count` distinct values, starting at `from`, through every path. */
function attackRequests(from: number, count: number): [string, RequestInit][] {
  const requests: [string, RequestInit][] = [];
  const graphql = (query: string, session: string, extra: Record<string, string> = {}) =>
    ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-session-id': session, ...extra },
      body: JSON.stringify({ query }),
    }) satisfies RequestInit;
  const session = (i: number) => `forged-session-${i}`;
  for (let i = from; i < from + count; i++) {
    requests.push(['/graphql', graphql(`query Op${i} { __typename }`, session(i))]);
    requests.push([
      '/rum',
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({
          route: `/attack/${i}`,
          device: 'mobile',
          sessionId: session(i),
          vitals: [{ name: 'LCP', value: 1000 + (i % 500), id: `v${i}` }],
        }),
      },
    ]);
    requests.push([`/api/attack-${i}`, { method: 'GET', headers: { 'x-session-id': session(i) } }]);
    requests.push([
      '/graphql',
      graphql('query Junk { __typename }', session(i), { 'x-api-key': `tk_junk_${i}` }),
    ]);
  }
  // Large documents: yoga caches parsed documents and parse errors by their text.
  for (let i = from; i < from + count; i += BIG_DOCUMENT_EVERY) {
    const fields = '__typename '.repeat(3000);
    requests.push(['/graphql', graphql(`query Big${i} { ${fields} }`, session(i))]);
    requests.push(['/graphql', graphql(`query Bad${i} { ${'x'.repeat(200_000)} `, session(i))]);
  }
  for (let i = from; i < from + count; i += ALIASES) {
    const ids = Array.from({ length: Math.min(ALIASES, from + count - i) }, (_, k) => i + k);
    const calculations = ids.map(
      (id) =>
        `c${id}: calculate(input: { flavorId: "red-bull-original", servingMl: ${100 + id / 1000} }) { __typename ... on Calculation { caffeineMg } }`,
    );
    requests.push(['/graphql', graphql(`{ ${calculations.join(' ')} }`, session(i))]);
    const lookups = ids.map(
      (id) =>
        `f${id}: flavor(id: "nope-${id}") { id } s${id}: flavors(filter: { search: "q${id}" }) { edges { node { id } } }`,
    );
    requests.push(['/graphql', graphql(`{ ${lookups.join(' ')} }`, session(i))]);
    const events = ids.map(
      (id) =>
        `t${id}: trackEvent(input: { type: calculation, flavorId: "f-${id}" }) { __typename }`,
    );
    requests.push(['/graphql', graphql(`mutation { ${events.join(' ')} }`, session(i))]);
  }
  return requests;
}

async function runAll(send: Send, requests: [string, RequestInit][]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const [path, init] = requests[next++]!;
      await send(path, init);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function activeUsersAfter(url: string, since: number): Promise<number> {
  let activeUsers = NaN;
  await waitUntil(async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ snapshot { at activeUsers } }' }),
    });
    const body = (await response.json()) as {
      data?: { snapshot: { at: string; activeUsers: number } | null };
    };
    const snapshot = body.data?.snapshot;
    if (!snapshot || Date.parse(snapshot.at) <= since) return false;
    activeUsers = snapshot.activeUsers;
    return true;
  }, 30_000);
  return activeUsers;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taurine-cardinality-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    NODE_OPTIONS: '--inspect=127.0.0.1:0',
    PUBLIC_DASHBOARD: 'true',
    // One loopback address sends everything: lift its rate limit so every value gets through.
    RATE_LIMIT_ANONYMOUS: '1000000',
    COLLECT_INTERVAL_MS: '1000',
  });
  await waitUntil(() => inspectorUrlIn(server.output()) !== null);
  const inspector = await connectInspector(inspectorUrlIn(server.output())!);
  const statuses = new Map<number, number>();
  const send: Send = async (path, init) => {
    const response = await fetch(`${server.url}${path}`, init);
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  };
  try {
    // Warm up with a few repeated values so the baseline holds the code paths, not the attack.
    await runAll(send, attackRequests(0, 200));
    await runAll(send, attackRequests(0, 200));
    const before = await inspector.measure();
    const samples: { values: number; memory: ProcessMemory; seconds: number }[] = [];
    const perRound = Math.ceil(VALUES / ROUNDS);
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      await runAll(send, attackRequests(1_000 + round * perRound, perRound));
      samples.push({
        values: (round + 1) * perRound,
        memory: await inspector.measure(),
        seconds: (Date.now() - started) / 1000,
      });
    }
    const activeUsers = await activeUsersAfter(server.url, Date.now());
    const rows: BenchRow[] = [
      { name: 'RSS before the attack', value: before.rssMiB, unit: 'MiB' },
      { name: 'heap before the attack', value: before.heapUsedMiB, unit: 'MiB' },
    ];
    for (const { values, memory, seconds } of samples) {
      const label = `after ${values} distinct values per path (${seconds.toFixed(0)} s)`;
      rows.push(
        {
          name: `RSS ${label}`,
          value: memory.rssMiB,
          unit: 'MiB',
          baseline: 'RSS before the attack',
        },
        {
          name: `heap ${label}`,
          value: memory.heapUsedMiB,
          unit: 'MiB',
          baseline: 'heap before the attack',
        },
        { name: `external ${label}`, value: memory.externalMiB, unit: 'MiB' },
      );
    }
    const last = samples.at(-1)!.memory;
    const previous = samples.at(-2)?.memory ?? before;
    const growth = last.heapUsedMiB - before.heapUsedMiB;
    rows.push(
      {
        name: 'heap growth per 1000 values, last round (cache tier filling)',
        value: ((last.heapUsedMiB - previous.heapUsedMiB) * 1000) / perRound,
        unit: 'MiB',
      },
      {
        name: 'heap above the baseline after the attack',
        value: growth,
        unit: 'MiB',
        target: `<= ${HEAP_CEILING_MIB} MiB (README's bounds)`,
        met: growth <= HEAP_CEILING_MIB,
      },
      {
        name: 'activeUsers after forged session ids from one address',
        value: activeUsers,
        unit: 'users',
        target: `<= ${ACTIVE_SESSIONS_DEFAULTS.maxSessionsPerClient} (per-address quota)`,
        met: activeUsers <= ACTIVE_SESSIONS_DEFAULTS.maxSessionsPerClient,
      },
    );
    const statusText = [...statuses].map(([status, n]) => `${status}: ${n}`).join(', ');
    printTable(`Cardinality attack over loopback HTTP (responses ${statusText})`, rows);
  } finally {
    inspector.close();
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
