/**
 * GraphQL over real HTTP: a plain graphql-yoga `{ hello }` server and the real Taurine server
 * (`apps/server/src/main.ts`), each in its own child process, driven by autocannon (10
 * connections) from this process in alternating rounds, so drift on a shared machine hits every
 * row alike. Taurine answers `{ __typename }`, a warm `flavors(first: 5)`, `calculate`, an
 * authenticated `stats` and `POST /rum`; then the warm `flavors` again with each plugin group
 * switched off in turn (`TAURINE_DISABLE_PLUGINS`), so every plugin's cost is a number, and the
 * server compiled to JavaScript (`build-compiled-server.ts`) run by plain `node`, so the tsx
 * loader's cost is one too. Two yardsticks: plain yoga as shipped, and plain yoga reading bodies
 * up front as Taurine's bridge does (`PLAIN_YOGA_BODY=buffer`, the fair one: see
 * `http-plain-yoga.ts`). Every case is checked once before it is measured (a 2xx without GraphQL
 * errors), so a broken variant cannot pass for a slow one; every server gets the same warm-up, and
 * odd rounds run the cases in reverse order. `HTTP_BENCH_ROUNDS` (default 3) and
 * `HTTP_BENCH_SECONDS` (default 3) size the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generateApiKey } from '../../apps/server/src/access/api-keys.ts';
import { SWITCHABLE_PLUGINS } from '../../apps/server/src/config.ts';
import { buildCompiledServer } from './build-compiled-server.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { printTable } from './table.ts';
import type { BenchRow } from './table.ts';

const ROUNDS = Number(process.env['HTTP_BENCH_ROUNDS'] ?? 3);
const SECONDS = Number(process.env['HTTP_BENCH_SECONDS'] ?? 3);
const CONNECTIONS = 10;
const PLAIN_YOGA = resolve(fileURLToPath(import.meta.url), '../http-plain-yoga.ts');
const AS_SHIPPED = 'plain yoga { hello }';
const BASELINE = 'plain yoga { hello }, body read up front';
const FLAVORS = 'Taurine flavors(first: 5)';
const FLAVORS_QUERY = '{ flavors(first: 5) { edges { node { id name caffeineMg } } } }';

/** One request shape autocannon repeats. */
interface Load {
  path: string;
  body: string;
  headers: Record<string, string>;
}

const graphql = (query: string, headers: Record<string, string> = {}): Load => ({
  path: '/graphql',
  body: JSON.stringify({ query }),
  headers: { 'content-type': 'application/json', ...headers },
});

/** What one row measures: which server, which request. */
interface Case {
  name: string;
  server: string;
  load: Load;
}

interface Sample {
  requests: number;
  seconds: number;
  p50: number[];
  p99: number[];
  failures: number;
}

async function drive(url: string, load: Load, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${load.path}`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: load.headers,
    body: load.body,
  });
}

function taurineCases(adminKey: string): Case[] {
  const flavors = graphql(FLAVORS_QUERY);
  const typename = graphql('{ __typename }');
  const cases: Case[] = [
    { name: 'Taurine { __typename }', server: 'full', load: typename },
    { name: FLAVORS, server: 'full', load: flavors },
    {
      name: 'Taurine calculate',
      server: 'full',
      load: graphql(
        '{ calculate(input: { flavorId: "red-bull-original", servingMl: 250 }) { __typename ... on Calculation { caffeineMg } } }',
      ),
    },
    {
      name: 'Taurine stats (admin key)',
      server: 'full',
      load: graphql('{ stats(name: "api.responseTime", window: LAST_1H) { count p50 p95 p99 } }', {
        'x-api-key': adminKey,
      }),
    },
    {
      name: 'Taurine POST /rum',
      server: 'full',
      load: {
        path: '/rum',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({
          route: '/',
          device: 'desktop',
          sessionId: 'bench-session-1',
          vitals: [{ name: 'LCP', value: 1200, id: 'v1' }],
        }),
      },
    },
  ];
  for (const plugin of SWITCHABLE_PLUGINS)
    cases.push({ name: `${FLAVORS}, ${plugin} off`, server: plugin, load: flavors });
  cases.push(
    { name: 'Taurine { __typename }, compiled JS', server: 'compiled', load: typename },
    { name: `${FLAVORS}, compiled JS`, server: 'compiled', load: flavors },
  );
  return cases;
}

/**
 * Sends the case once and throws unless it succeeds: a 2xx and, for GraphQL, no `errors`. A
 * variant that answers every request with an error (a masked 500 is a 200 with `errors`) would
 * otherwise be measured as a slow server.
 */
async function check(url: string, item: Case): Promise<void> {
  const response = await fetch(`${url}${item.load.path}`, {
    method: 'POST',
    headers: item.load.headers,
    body: item.load.body,
  });
  const text = await response.text();
  const graphqlErrors =
    item.load.path === '/graphql' && (JSON.parse(text) as { errors?: unknown }).errors;
  if (!response.ok || graphqlErrors) {
    throw new Error(`${item.name}: the server answers ${response.status} ${text.slice(0, 300)}`);
  }
}

/** Start-up on a busy machine (tsx compiles the server's sources first) may take a while. */
const START_TIMEOUT_MS = 120_000;

async function startServers(dataRoot: string, adminKey: string, compiled: string) {
  const servers = new Map<string, ServerProcess>();
  try {
    servers.set('plain', await startServerProcess({}, START_TIMEOUT_MS, { script: PLAIN_YOGA }));
    servers.set(
      'plain-buffer',
      await startServerProcess({ PLAIN_YOGA_BODY: 'buffer' }, START_TIMEOUT_MS, {
        script: PLAIN_YOGA,
      }),
    );
    // One after the other: started together on a busy machine, each would take several times longer.
    for (const variant of ['full', ...SWITCHABLE_PLUGINS, 'compiled']) {
      const env = {
        DATA_DIR: join(dataRoot, variant),
        ADMIN_API_KEY: adminKey,
        // One address and one key send everything: measure the buckets, never be refused.
        RATE_LIMIT_ANONYMOUS: '1000000',
        TAURINE_BENCH_RATE_LIMIT: '100000000',
        TAURINE_DISABLE_PLUGINS: SWITCHABLE_PLUGINS.some((name) => name === variant) ? variant : '',
        GRAPHIQL: 'false',
        // Idle servers would run a collection tick (snapshot, rules, flush) every 30 s while
        // another one is measured: noise for every row. Each measured server skips it too.
        COLLECT_INTERVAL_MS: '3600000',
      };
      const options = variant === 'compiled' ? { script: compiled, tsx: false } : {};
      servers.set(variant, await startServerProcess(env, START_TIMEOUT_MS, options));
    }
    return servers;
  } catch (error) {
    await Promise.all([...servers.values()].map((server) => server.kill('SIGTERM')));
    throw error;
  }
}

function rowsOf(cases: Case[], samples: Map<string, Sample>): BenchRow[] {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const rate = (sample: Sample) => sample.requests / sample.seconds;
  const baselineOf = (name: string) => (name === BASELINE ? {} : { baseline: BASELINE });
  return cases.map((item) => {
    const sample = samples.get(item.name)!;
    const failed = sample.failures > 0 ? `, ${sample.failures} failed` : '';
    const latency = `(p50 ${median(sample.p50)} ms, p99 ${median(sample.p99)} ms${failed})`;
    return {
      name: item.name,
      value: rate(sample),
      unit: `req/s ${latency}`,
      ...baselineOf(item.name),
    };
  });
}

/**
 * The target, warm `flavors` at ≥ 0.8× plain graphql-yoga `{ hello }`, against yoga as
 * shipped (what a team would run), and the same ratio against yoga tuned like Taurine's bridge
 * (bodies read up front): the gap left in Taurine's own plugin chain.
 */
function targetRows(samples: Map<string, Sample>): BenchRow[] {
  const rate = (name: string) => {
    const sample = samples.get(name)!;
    return sample.requests / sample.seconds;
  };
  const flavors = rate(FLAVORS);
  return [
    {
      name: 'warm flavors / plain yoga { hello } as shipped',
      value: flavors / rate(AS_SHIPPED),
      unit: 'x',
      target: '>= 0.8x',
      met: flavors / rate(AS_SHIPPED) >= 0.8,
    },
    {
      name: 'warm flavors / plain yoga { hello }, body read up front',
      value: flavors / rate(BASELINE),
      unit: 'x',
    },
  ];
}

/** Each plugin group's share of the warm `flavors` throughput (what switching it off gains). */
function pluginCostRows(samples: Map<string, Sample>): BenchRow[] {
  const rate = (name: string) => {
    const sample = samples.get(name)!;
    return sample.requests / sample.seconds;
  };
  const full = rate(FLAVORS);
  const plugins: BenchRow[] = SWITCHABLE_PLUGINS.map((plugin) => {
    const cost = (1 - full / rate(`${FLAVORS}, ${plugin} off`)) * 100;
    return {
      name: `cost of ${plugin}`,
      value: cost,
      unit: '% of throughput',
      ...(plugin === 'timing' ? { target: '<= 5 %', met: cost <= 5 } : {}),
    };
  });
  const loader = (1 - full / rate(`${FLAVORS}, compiled JS`)) * 100;
  return [
    ...plugins,
    { name: 'cost of tsx (vs compiled JS)', value: loader, unit: '% of throughput' },
  ];
}

export async function run(): Promise<void> {
  const dataRoot = mkdtempSync(join(tmpdir(), 'taurine-http-bench-'));
  const adminKey = generateApiKey().key;
  const compiled = await buildCompiledServer();
  const servers = await startServers(dataRoot, adminKey, compiled);
  try {
    const cases: Case[] = [
      { name: BASELINE, server: 'plain-buffer', load: graphql('{ hello }') },
      { name: AS_SHIPPED, server: 'plain', load: graphql('{ hello }') },
      ...taurineCases(adminKey),
    ];
    for (const item of cases) await check(servers.get(item.server)!.url, item);
    const samples = new Map<string, Sample>(
      cases.map((c) => [c.name, { requests: 0, seconds: 0, p50: [], p99: [], failures: 0 }]),
    );
    // Warm every server alike (JIT), then every document (parse and validation caches, the
    // flavors cache): a server warmed by more cases than another would look faster.
    for (const [name, server] of servers) {
      const hello = name.startsWith('plain') ? '{ hello }' : FLAVORS_QUERY;
      await drive(server.url, graphql(hello), 2);
    }
    for (const item of cases) await drive(servers.get(item.server)!.url, item.load, 1);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Odd rounds backwards: no row always runs right after the same one.
      for (const item of round % 2 === 0 ? cases : [...cases].reverse()) {
        const result = await drive(servers.get(item.server)!.url, item.load, SECONDS);
        const sample = samples.get(item.name)!;
        sample.requests += result['2xx'];
        sample.seconds += result.duration;
        sample.p50.push(result.latency.p50);
        sample.p99.push(result.latency.p99);
        sample.failures += result.non2xx + result.errors + result.timeouts;
      }
    }
    printTable(
      `GraphQL over HTTP (autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s)`,
      rowsOf(cases, samples),
    );
    printTable('Target: warm flavors against plain yoga', targetRows(samples));
    printTable(
      'Plugin and loader cost on the warm flavors query over HTTP',
      pluginCostRows(samples),
    );
  } finally {
    await Promise.all([...servers.values()].map((server) => server.kill('SIGTERM')));
    rmSync(dataRoot, { recursive: true, force: true });
  }
}
