import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { startLimitedCapacityServer } from '../testing/limited-capacity-server.ts';
import { runCli } from '../testing/run-cli.ts';

const LOADTEST = 'scripts/loadtest.ts';
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'taurine-loadtest-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Writes a scenario file and returns its path. */
function scenarioFile(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run loadtest with a scenario against the real server', () => {
  let app: TestApp;
  let url: string;
  let operatorKey: string;
  beforeAll(async () => {
    app = await createTestApp({ CACHE_WARM_ON_START: 'false' });
    ({ url } = await app.start());
    operatorKey = await app.createKey('operator', 'loadtest-ci');
  });
  afterAll(() => app.dispose());

  it('runs three phases live, fails on a threshold set too tight with exit 1, and stores the run', async () => {
    const file = scenarioFile(
      'too-tight.yaml',
      `name: too tight
phases:
  - { kind: ramp-up, duration: 1s, users: 3 }
  - { kind: steady, duration: 1s, users: 3 }
  - { kind: ramp-down, duration: 1s, users: 0 }
journeys:
  - { name: calculator-visitor, weight: 2 }
  - { name: dashboard-watcher }
thinkTime: { min: 10ms, max: 50ms }
thresholds: { p95Ms: 0.001, errorRatePercent: 50 }
`,
    );
    const run = await runCli(LOADTEST, [file, '--url', url, '--key', operatorKey]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('▶ ramp-up 1/3');
    expect(run.stderr).toContain('▶ steady 2/3');
    expect(run.stderr).toContain('▶ ramp-down 3/3');
    expect(run.stdout).toMatch(/BROKEN p95 [\d.]+ ms, limit < 0\.001 ms/);
    expect(run.stdout).toMatch(/ok {5}error rate/);
    expect(run.stdout).toContain('Verdict: FAILED');
    expect(run.stdout).toMatch(/Stored as load test run \d+/);

    const listed = await app.graphql<{
      loadTestRuns: {
        name: string;
        verdict: string;
        recordedBy: string;
        phases: { kind: string; users: number; figures: { requests: number } }[];
        thresholds: { metric: string; passed: boolean }[];
      }[];
    }>(
      '{ loadTestRuns(first: 1) { name verdict recordedBy phases { kind users figures { requests } } thresholds { metric passed } } }',
    );
    const stored = listed.data?.loadTestRuns[0];
    expect(stored).toMatchObject({
      name: 'too tight',
      verdict: 'FAILED',
      recordedBy: 'loadtest-ci',
    });
    expect(stored?.phases.map((phase) => [phase.kind, phase.users])).toEqual([
      ['RAMP_UP', 3],
      ['STEADY', 3],
      ['RAMP_DOWN', 0],
    ]);
    expect(stored?.phases.every((phase) => phase.figures.requests > 0)).toBe(true);
    expect(stored?.thresholds).toEqual([
      { metric: 'P95_MS', passed: false },
      { metric: 'ERROR_RATE_PERCENT', passed: true },
    ]);
  });

  it('refuses an invalid scenario with exit 2 and the path of the bad field', async () => {
    const file = scenarioFile(
      'invalid.yaml',
      `name: invalid
phases:
  - { kind: ramp-up, duration: 1s, users: 3 }
  - { kind: steady, duration: soon, users: 3 }
journeys: [{ name: calculator-visitor }]
`,
    );
    const run = await runCli(LOADTEST, [file, '--url', url]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      `loadtest: invalid scenario ${file}: phases[1].duration: must look like 30s, 2m or 500ms`,
    );
  });
});

describe('npm run loadtest --stress', () => {
  it('finds the breaking point of a server that serves 7 requests at once', async () => {
    const server = await startLimitedCapacityServer({ capacity: 7, holdMs: 20 });
    try {
      const file = scenarioFile(
        'stress.yaml',
        `name: capacity seven
phases: [{ kind: steady, duration: 1s, users: 1 }]
journeys: [{ name: minimal-query }]
thinkTime: { min: 0ms, max: 0ms }
thresholds: { errorRatePercent: 1 }
stress: { startUsers: 2, stepUsers: 2, stepDuration: 1s, maxUsers: 30 }
`,
      );
      const run = await runCli(LOADTEST, [file, '--stress', '--url', server.url]);
      expect(run.code, run.stderr).toBe(0);
      const match =
        /Breaking point: (\d+) users \(error rate [\d.]+ %, limit < 1 %\); last step that held: (\d+) users/.exec(
          run.stdout,
        );
      expect(match, run.stdout).not.toBeNull();
      const [users, lastGood] = [Number(match![1]), Number(match![2])];
      // Users above the capacity get 503s: the first step past 7 users breaks, 6 held.
      expect(users).toBeGreaterThan(7);
      expect(users).toBeLessThanOrEqual(10);
      expect(lastGood).toBeGreaterThanOrEqual(6);
      expect(lastGood).toBeLessThan(users);
      expect(run.stdout).toContain('Verdict: BREAKING-POINT');
      expect(server.peakInFlight()).toBe(7);
    } finally {
      await server.close();
    }
  });
});
