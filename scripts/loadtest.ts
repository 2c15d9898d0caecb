/**
 * Load and stress tests against a running server (see README, "Load tests").
 *
 *   npm run loadtest -- scripts/loadtest/scenarios/three-phases.yaml [--key KEY] [--url URL]
 *   npm run loadtest -- scenario.yaml --stress
 *   npm run loadtest -- --users 50 --duration 60s [--think 500-2000]   (flat profile, no file)
 *
 * The code lives in `scripts/loadtest/`: the scenario schema, journeys, the undici-based engine,
 * phase and stress runners, the live display and the result report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { failUsage, parseCli } from './cli-args.ts';
import { FLAT_DEFAULTS, flatScenario } from './loadtest/flat-scenario.ts';
import { JOURNEYS } from './loadtest/journeys.ts';
import { createLoadEngine, networkMessage } from './loadtest/load-engine.ts';
import { createProgressDisplay } from './loadtest/progress-display.ts';
import { exitCodeOf, formatReport } from './loadtest/run-result.ts';
import { runPhases, runStress } from './loadtest/run-scenario.ts';
import { ScenarioError, parseScenario, scenarioJsonSchema } from './loadtest/scenario.ts';
import type { Scenario } from './loadtest/scenario.ts';
import { storeResult } from './loadtest/store-result.ts';

const TOOL = 'loadtest';
const USAGE = `
Usage: npm run loadtest -- [--users N] [--duration TIME] [--url URL] [--think MIN-MAX]
       npm run loadtest -- SCENARIO.yaml|.json [--stress] [--url URL] [--key KEY]

Runs virtual visitors against a running Taurine server: a flat profile of calculator visitors,
or a scenario file with phases, a mix of journeys, think times and thresholds.

Options:
  SCENARIO         a scenario file (YAML or JSON; schema: scripts/loadtest/scenario.schema.json)
  --stress         ramp users in the scenario's stress steps until a threshold breaks
  --key KEY        API key (or TAURINE_API_KEY): stores the result on the server (operator) and
                   is sent by journeys that read dashboard data (viewer)
  --url URL        the server's base URL (default: the scenario's url, else http://localhost:4000)
  --users N        flat profile: concurrent visitors, 1 to 5000 (default 50)
  --duration TIME  flat profile: how long to run: 500ms, 60s or 2m (default 60s)
  --think MIN-MAX  flat profile: think time between steps in ms (default 500-2000)
  --print-schema   print the scenario JSON Schema and exit
  -h, --help       print this help

Journeys: ${Object.values(JOURNEYS)
  .map((journey) => `${journey.name} (${journey.description})`)
  .join('; ')}.

Exits 0 when the run passed (stress: when it finished, broken or not), 1 when a threshold broke,
every request failed, the server could not be reached or the result could not be stored, 2 on a
bad argument or an invalid scenario.
`;

const { values, positionals } = parseCli({
  tool: TOOL,
  usage: USAGE,
  allowPositionals: true,
  options: {
    users: { type: 'string' },
    duration: { type: 'string' },
    url: { type: 'string' },
    think: { type: 'string' },
    key: { type: 'string' },
    stress: { type: 'boolean' },
    'print-schema': { type: 'boolean' },
  },
});

if (values['print-schema'] === true) {
  writeFileSync(1, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  process.exit(0);
}

function loadScenario(): Scenario {
  const file = positionals[0];
  if (positionals.length > 1)
    failUsage(TOOL, `one scenario file at most (got ${positionals.length})`);
  if (file === undefined) {
    if (values['stress'] === true)
      failUsage(TOOL, '--stress needs a scenario file with a stress section');
    const scenario = flatScenario({
      users: String(values['users'] ?? FLAT_DEFAULTS.users),
      duration: String(values['duration'] ?? FLAT_DEFAULTS.duration),
      think: String(values['think'] ?? FLAT_DEFAULTS.think),
    });
    if ('problem' in scenario) failUsage(TOOL, scenario.problem);
    return scenario;
  }
  const flat = ['users', 'duration', 'think'].filter((name) => values[name] !== undefined);
  if (flat.length > 0) {
    failUsage(TOOL, `--${flat[0]} is for the flat profile; a scenario file sets its own phases`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    failUsage(TOOL, `cannot read scenario ${file} (${networkMessage(error)})`);
  }
  try {
    return parseScenario(text, file);
  } catch (error) {
    if (error instanceof ScenarioError)
      failUsage(TOOL, `invalid scenario ${file}: ${error.message}`);
    throw error;
  }
}

const scenario = loadScenario();
const stress = values['stress'] === true ? scenario.stress : undefined;
if (values['stress'] === true && stress === undefined) {
  failUsage(TOOL, 'the scenario has no stress section (stress: startUsers, stepUsers, …)');
}
if (stress !== undefined && Object.keys(scenario.thresholds).length === 0) {
  failUsage(TOOL, 'stress mode needs at least one threshold to break');
}
const urlText = String(values['url'] ?? scenario.url ?? 'http://localhost:4000');
let endpoint: URL;
try {
  const base = new URL(urlText);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http(s)');
  endpoint = new URL('/graphql', base);
} catch {
  failUsage(TOOL, `--url must be an http(s) URL such as http://localhost:4000 (got "${urlText}")`);
}
const apiKey = (values['key'] as string | undefined) ?? process.env['TAURINE_API_KEY'] ?? undefined;

/** One request before the users start: a dead URL ends the run at once with a clear line. */
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
      `${TOOL}: cannot reach ${endpoint.href} (${networkMessage(error)}); is the server running (npm start)?\n`,
    );
    process.exit(1);
  }
}

await preflight();
const mostUsers = stress?.maxUsers ?? Math.max(...scenario.phases.map((phase) => phase.users));
const engine = createLoadEngine({
  endpoint,
  apiKey,
  journeys: scenario.journeys,
  connections: mostUsers,
});
if (apiKey === undefined && scenario.journeys.some((journey) => JOURNEYS[journey.name].needsKey)) {
  process.stderr.write(
    `${TOOL}: no --key: dashboard reads fail unless the server has PUBLIC_DASHBOARD=true\n`,
  );
}
const display = createProgressDisplay(engine, {
  write: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
});
process.stderr.write(
  `Load test "${scenario.name}" (${stress ? 'stress' : `${scenario.phases.length} phases`}) against ${endpoint.href}\n`,
);
const context = { engine, display, url: endpoint.href };
const result = stress
  ? await runStress(scenario, stress, context)
  : await runPhases(scenario, context);
await engine.close();
process.stdout.write(`${formatReport(result).join('\n')}\n`);
let exitCode: number = exitCodeOf(result);
if (result.abortReason !== null) process.stderr.write(`${TOOL}: ${result.abortReason}\n`);
if (apiKey !== undefined) {
  try {
    const id = await storeResult(endpoint, apiKey, result);
    process.stdout.write(`Stored as load test run ${id} (see /load-tests)\n`);
  } catch (error) {
    process.stderr.write(`${TOOL}: the result could not be stored: ${networkMessage(error)}\n`);
    exitCode = 1;
  }
}
process.exit(exitCode);
