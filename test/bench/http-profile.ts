/**
 * Profiles the real server under HTTP load: starts `main.ts` in a child process with
 * `node --cpu-prof`, drives it with autocannon (10 connections) for `seconds`, stops it and sums
 * the profile by function and file (`cpu-profile-summary.ts`). `hello` profiles the benchmark's
 * plain yoga server (`http-plain-yoga.ts`) instead, so both sides of a ratio can be read.
 *
 *   npx tsx test/bench/http-profile.ts [flavors|typename|calculate|rum|hello] [seconds=10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServerProcess } from '../testing/server-process.ts';

const LOADS: Record<string, { path: string; body: string; type: string }> = {
  flavors: {
    path: '/graphql',
    body: JSON.stringify({
      query: '{ flavors(first: 5) { edges { node { id name caffeineMg } } } }',
    }),
    type: 'application/json',
  },
  typename: { path: '/graphql', body: '{"query":"{ __typename }"}', type: 'application/json' },
  hello: { path: '/graphql', body: '{"query":"{ hello }"}', type: 'application/json' },
  calculate: {
    path: '/graphql',
    body: JSON.stringify({
      query:
        '{ calculate(input: { flavorId: "red-bull-original", servingMl: 250 }) { __typename } }',
    }),
    type: 'application/json',
  },
  rum: {
    path: '/rum',
    body: JSON.stringify({
      route: '/',
      device: 'desktop',
      sessionId: 'profile-session',
      vitals: [{ name: 'LCP', value: 1200, id: 'v1' }],
    }),
    type: 'text/plain',
  },
};

const [name = 'flavors', secondsText = '10'] = process.argv.slice(2);
const load = LOADS[name];
if (!load) throw new Error(`unknown load "${name}" (one of ${Object.keys(LOADS).join(', ')})`);
const dir = mkdtempSync(join(tmpdir(), 'taurine-profile-'));
const plainYoga = resolve(fileURLToPath(import.meta.url), '../http-plain-yoga.ts');
const server = await startServerProcess(
  {
    DATA_DIR: join(dir, 'data'),
    RATE_LIMIT_ANONYMOUS: '1000000',
    GRAPHIQL: 'false',
    // `TAURINE_DISABLE_PLUGINS=audit npx tsx test/bench/http-profile.ts` profiles a bench variant.
    TAURINE_DISABLE_PLUGINS: process.env['TAURINE_DISABLE_PLUGINS'] ?? '',
  },
  120_000,
  {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    ...(name === 'hello' ? { script: plainYoga } : {}),
  },
);
const drive = (seconds: number) =>
  autocannon({
    url: `${server.url}${load.path}`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': load.type },
    body: load.body,
  });
await drive(2);
const result = await drive(Number(secondsText));
await server.kill('SIGTERM');
console.log(`${name}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms`);
// The main thread's profile (`CPU.<date>.<time>.<pid>.0.<n>`); tsx's loader thread writes another.
const profile = readdirSync(dir).find((file) => /\.\d+\.0\.\d+\.cpuprofile$/.test(file));
if (!profile) throw new Error(`no profile written in ${dir}`);
const summary = resolve(fileURLToPath(import.meta.url), '../cpu-profile-summary.ts');
console.log(`profile: ${join(dir, profile)}`);
console.log(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', summary, join(dir, profile), '30', secondsText],
    {
      encoding: 'utf8',
    },
  ),
);
