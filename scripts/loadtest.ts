/**
 * Traffic generator: simulates calculator visitors against a running server so the dashboards
 * have something to show.
 *
 *   npm run loadtest -- --users 50 --duration 60s [--url http://localhost:4000] [--think 500-2000]
 *   npm run loadtest -- --help
 *
 * Each virtual visitor has its own session id and loops: browse or filter flavors, look at one,
 * calculate a drink (sometimes with add-ins), sometimes settle on it (a `CALCULATION` event) and
 * sometimes click the affiliate link, with think time between steps.
 */
import { randomBytes } from 'node:crypto';
import { failUsage, parseCli } from './cli-args.ts';

const TOOL = 'loadtest';
const USAGE = `
Usage: npm run loadtest -- [--users N] [--duration TIME] [--url URL] [--think MIN-MAX]

Simulates calculator visitors against a running Taurine server.

Options:
  --users N        concurrent visitors, 1 to 5000 (default 50)
  --duration TIME  how long to run: 500ms, 60s or 2m (default 60s)
  --url URL        the server's base URL (default http://localhost:4000)
  --think MIN-MAX  think time between steps in ms (default 500-2000)
  -h, --help       print this help

Exits 0 when the run completed, 1 when the server could not be reached or every request failed,
2 on a bad argument.
`;

const { values } = parseCli({
  tool: TOOL,
  usage: USAGE,
  options: {
    users: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60s' },
    url: { type: 'string', default: 'http://localhost:4000' },
    think: { type: 'string', default: '500-2000' },
  },
});
const usersText = String(values['users']);
const durationText = String(values['duration']);
const urlText = String(values['url']);
const thinkText = String(values['think']);

const parseDuration = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) failUsage(TOOL, `--duration must look like 60s, 2m or 500ms (got "${text}")`);
  const amount = Number(match[1]);
  const ms = match[2] === 'ms' ? amount : match[2] === 'm' ? amount * 60_000 : amount * 1000;
  if (ms <= 0) failUsage(TOOL, `--duration must be longer than 0 (got "${text}")`);
  return ms;
};

const users = Number(usersText);
if (!/^\d+$/.test(usersText) || users < 1 || users > 5000) {
  failUsage(TOOL, `--users must be an integer from 1 to 5000 (got "${usersText}")`);
}
const durationMs = parseDuration(durationText);
const thinkMatch = /^(\d+)-(\d+)$/.exec(thinkText);
if (!thinkMatch || Number(thinkMatch[1]) > Number(thinkMatch[2])) {
  failUsage(
    TOOL,
    `--think must be MIN-MAX in ms with MIN <= MAX, e.g. 500-2000 (got "${thinkText}")`,
  );
}
const thinkMin = Number(thinkMatch[1]);
const thinkMax = Number(thinkMatch[2]);
let endpoint: string;
try {
  const base = new URL(urlText);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http(s)');
  endpoint = new URL('/graphql', base).toString();
} catch {
  failUsage(TOOL, `--url must be an http(s) URL such as http://localhost:4000 (got "${urlText}")`);
}

/**
 * Requests in a row that failed without an HTTP answer (refused, reset, DNS) after which the run
 * stops: the server is gone, and hammering a dead port proves nothing.
 */
const MAX_CONSECUTIVE_NETWORK_FAILURES = 20;
let consecutiveNetworkFailures = 0;
let stopReason: string | undefined;

/** The cause's message (`connect ECONNREFUSED 127.0.0.1:4000`), not fetch's bare "fetch failed". */
function networkMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  if (cause instanceof AggregateError) return cause.errors.map(String).join('; ');
  return error instanceof Error ? error.message : String(error);
}

interface Outcome {
  ms: number;
  ok: boolean;
}
const outcomes: Outcome[] = [];
const errorSamples = new Map<string, number>();

async function graphql(sessionId: string, query: string, variables: object): Promise<unknown> {
  const started = performance.now();
  let ok = false;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-session-id': sessionId },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    consecutiveNetworkFailures = 0;
    ok = response.ok && !body.errors;
    if (!ok) {
      const message = body.errors?.[0]?.message ?? `HTTP ${response.status}`;
      errorSamples.set(message, (errorSamples.get(message) ?? 0) + 1);
    }
    return body.data;
  } catch (error) {
    const message = networkMessage(error);
    errorSamples.set(message, (errorSamples.get(message) ?? 0) + 1);
    if (!(error instanceof SyntaxError)) {
      consecutiveNetworkFailures += 1;
      if (
        consecutiveNetworkFailures >= MAX_CONSECUTIVE_NETWORK_FAILURES &&
        stopReason === undefined
      ) {
        stopReason = `stopped early: ${consecutiveNetworkFailures} requests in a row got no answer from ${endpoint} (${message})`;
      }
    }
    return undefined;
  } finally {
    outcomes.push({ ms: performance.now() - started, ok });
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whether a visitor should go on: before the deadline and while the server answers. */
const running = (deadline: number): boolean => stopReason === undefined && Date.now() < deadline;
const think = () => sleep(thinkMin + Math.random() * (thinkMax - thinkMin));

const CATEGORIES = ['CLASSIC', 'SUGAR_FREE', 'NATURAL', 'COFFEE', 'TEA', 'SPORTS', 'SHOT'];
const FLAVORS = `query Flavors($filter: FlavorFilter) { flavors(first: 20, filter: $filter) { edges { node { id name caffeineMg } } totalCount } }`;
const FLAVOR = `query Flavor($id: ID!) { flavor(id: $id) { id name brand caffeineMg sugarG affiliateUrl supplier { name } } }`;
const INGREDIENTS = `query Ingredients { ingredients { id name unit maxAmount } }`;
const CALCULATE = `query Calculate($input: CalculateInput!) { calculate(input: $input) { __typename ... on Calculation { caffeineMg rating } ... on ValidationError { message } } }`;
const TRACK = `mutation Track($input: TrackEventInput!) { trackEvent(input: $input) { __typename } }`;

interface FlavorsData {
  flavors?: { edges: { node: { id: string } }[] };
}
interface IngredientsData {
  ingredients?: { id: string; maxAmount: number }[];
}

async function visitor(deadline: number): Promise<void> {
  const sessionId = randomBytes(12).toString('base64url');
  const ingredients =
    ((await graphql(sessionId, INGREDIENTS, {})) as IngredientsData | undefined)?.ingredients ?? [];
  while (running(deadline)) {
    const filter =
      Math.random() < 0.5
        ? { category: pick(CATEGORIES) }
        : Math.random() < 0.5
          ? { maxCaffeineMg: 100 }
          : {};
    const list = (await graphql(sessionId, FLAVORS, { filter })) as FlavorsData | undefined;
    const ids = list?.flavors?.edges.map((edge) => edge.node.id) ?? [];
    await think();
    if (ids.length === 0 || !running(deadline)) continue;
    const flavorId = pick(ids);
    await graphql(sessionId, FLAVOR, { id: flavorId });
    const addIns =
      Math.random() < 0.4 && ingredients.length > 0
        ? [
            {
              ingredientId: pick(ingredients).id,
              amount: Math.max(0.01, Math.random() * pick(ingredients).maxAmount * 0.1),
            },
          ]
        : [];
    const input = {
      flavorId,
      servingMl: pick([250, 355, 473, 500]),
      addIns: addIns.filter(
        (a, i, all) => all.findIndex((b) => b.ingredientId === a.ingredientId) === i,
      ),
      bodyWeightKg: Math.random() < 0.5 ? 50 + Math.random() * 50 : null,
    };
    await graphql(sessionId, CALCULATE, { input });
    await think();
    if (Math.random() < 0.5)
      await graphql(sessionId, TRACK, { input: { type: 'CALCULATION', flavorId } });
    if (Math.random() < 0.08)
      await graphql(sessionId, TRACK, { input: { type: 'AFFILIATE_CLICK', flavorId } });
    await think();
  }
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** One request before the visitors start: a dead URL ends the run at once with a clear line. */
async function preflight(): Promise<void> {
  try {
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    process.stderr.write(
      `${TOOL}: cannot reach ${endpoint} (${networkMessage(error)}); is the server running (npm start)?\n`,
    );
    process.exit(1);
  }
}

await preflight();
const startedAt = Date.now();
const deadline = startedAt + durationMs;
const progress = setInterval(() => {
  const elapsed = Date.now() - startedAt;
  const share = Math.min(1, elapsed / durationMs);
  const width = 30;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  const failed = outcomes.filter((o) => !o.ok).length;
  const line = `[${bar}] ${Math.round(share * 100)}%  ${outcomes.length} requests, ${failed} errors`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (Math.round(elapsed / 1000) % 10 === 0) process.stderr.write(`${line}\n`);
}, 1000);

console.error(`Load test: ${users} visitors for ${durationText} against ${endpoint}`);
await Promise.all(
  Array.from({ length: users }, (_, i) =>
    sleep((i / users) * Math.min(5000, durationMs / 4)).then(() => visitor(deadline)),
  ),
);
clearInterval(progress);
if (process.stderr.isTTY) process.stderr.write('\n');

const elapsedSeconds = (Date.now() - startedAt) / 1000;
const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
const errors = outcomes.filter((o) => !o.ok).length;
console.log(`\nRequests      ${outcomes.length}`);
console.log(`Throughput    ${(outcomes.length / elapsedSeconds).toFixed(1)} req/s`);
console.log(`Latency p50   ${percentile(latencies, 0.5).toFixed(1)} ms`);
console.log(`Latency p95   ${percentile(latencies, 0.95).toFixed(1)} ms`);
console.log(`Latency p99   ${percentile(latencies, 0.99).toFixed(1)} ms`);
console.log(
  `Errors        ${errors} (${((errors / Math.max(1, outcomes.length)) * 100).toFixed(2)} %)`,
);
for (const [message, count] of [...errorSamples].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
  console.log(`  ${count} × ${message.slice(0, 120)}`);
}
if (stopReason !== undefined) {
  process.stderr.write(`${TOOL}: ${stopReason}\n`);
  process.exit(1);
}
process.exit(errors > 0 && errors === outcomes.length ? 1 : 0);
