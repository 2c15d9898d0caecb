import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario, scenarioJsonSchema, toScenario } from './scenario.ts';
import type { ScenarioInput } from './scenario.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const valid = (): ScenarioInput => ({
  name: 'check',
  phases: [
    { kind: 'ramp-up', duration: '10s', users: 10 },
    { kind: 'steady', duration: '1m', users: 10 },
    { kind: 'ramp-down', duration: '500ms', users: 0 },
  ],
  journeys: [{ name: 'calculator-visitor', weight: 3 }, { name: 'dashboard-watcher' }],
  thresholds: { p95Ms: 500 },
});

/** The problems a scenario is refused with, or [] when it is accepted. */
function problems(document: unknown): readonly string[] {
  try {
    toScenario(document);
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
}

describe('scenario files', () => {
  it('turns a valid scenario into phases with users at start and end and durations in ms', () => {
    const scenario = toScenario(valid());
    expect(scenario.phases).toEqual([
      { name: 'ramp-up', kind: 'ramp-up', durationMs: 10_000, startUsers: 0, users: 10 },
      { name: 'steady', kind: 'steady', durationMs: 60_000, startUsers: 10, users: 10 },
      { name: 'ramp-down', kind: 'ramp-down', durationMs: 500, startUsers: 10, users: 0 },
    ]);
    expect(scenario.journeys).toEqual([
      { name: 'calculator-visitor', weight: 3, thinkTime: { minMs: 500, maxMs: 2000 } },
      { name: 'dashboard-watcher', weight: 1, thinkTime: { minMs: 500, maxMs: 2000 } },
    ]);
    expect(scenario.thresholds).toEqual({ p95Ms: 500 });
  });

  it.each([
    [
      { phases: [{ kind: 'steady', duration: 'soon', users: 1 }] },
      'phases[0].duration: must look like 30s, 2m or 500ms',
    ],
    [{ phases: [{ kind: 'hold', duration: '1s', users: 1 }] }, 'phases[0].kind: Invalid option'],
    [{ phases: [{ kind: 'steady', duration: '1s', users: 9000 }] }, 'phases[0].users: Too big'],
    [{ journeys: [{ name: 'robot' }] }, 'journeys[0].name: Invalid option'],
    [{ thresholds: { p95: 5 } }, 'thresholds: Unrecognized key: "p95"'],
    [{ thresholds: { errorRatePercent: 120 } }, 'thresholds.errorRatePercent: Too big'],
    [{ url: 'ftp://example.com' }, 'url: Invalid URL'],
    [{ phases: [] }, 'phases: Too small'],
    [{ name: undefined }, 'name: Invalid input: expected string'],
  ])('names the path of a bad field: %j', (patch, expected) => {
    const found = problems({ ...valid(), ...patch });
    expect(
      found.some((problem) => problem.startsWith(expected)),
      found.join(' | '),
    ).toBe(true);
  });

  it('refuses ramps that go the wrong way and a think time whose min exceeds its max', () => {
    expect(
      problems({
        ...valid(),
        phases: [
          { kind: 'steady', duration: '1s', users: 10 },
          { kind: 'ramp-up', duration: '1s', users: 5 },
          { kind: 'ramp-down', duration: '1s', users: 8 },
        ],
        thinkTime: { min: '2s', max: '1s' },
      }),
    ).toEqual([
      "phases[1].users: a ramp-up must end at or above the previous phase's 10 users (got 5)",
      "phases[2].users: a ramp-down must end at or below the previous phase's 5 users (got 8)",
      'thinkTime.min: must not exceed thinkTime.max',
    ]);
  });

  it('reports YAML syntax errors as such', () => {
    expect(() => parseScenario('name: [unclosed', 'bad.yaml')).toThrow(/not valid YAML/);
    expect(() => parseScenario('{"name": ', 'bad.json')).toThrow(/not valid JSON/);
  });

  it('accepts every example scenario, and one of them has three phases', () => {
    const directory = join(HERE, 'scenarios');
    const scenarios = readdirSync(directory).map((file) =>
      parseScenario(readFileSync(join(directory, file), 'utf8'), file),
    );
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    expect(scenarios.some((scenario) => scenario.phases.length === 3)).toBe(true);
    expect(scenarios.some((scenario) => scenario.stress !== undefined)).toBe(true);
  });

  it('keeps scenario.schema.json equal to the schema the validator uses', () => {
    const committed = JSON.parse(
      readFileSync(join(HERE, 'scenario.schema.json'), 'utf8'),
    ) as unknown;
    // Regenerate with: npm run loadtest -- --print-schema > scripts/loadtest/scenario.schema.json
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
