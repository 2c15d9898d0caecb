import { cleanup, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureClient } from '../../../testing/fixture-client.ts';
import { LoadTestRuns } from './load-test-runs.tsx';

const figures = (requests: number, p95Ms: number | null, errorRatePercent = 0) => ({
  __typename: 'LoadTestFigures',
  requests,
  throughputRps: requests / 10,
  p95Ms,
  errorRatePercent,
});
const phase = (name: string, kind: string, startUsers: number, users: number) => ({
  __typename: 'LoadTestPhase',
  name,
  kind,
  startUsers,
  users,
  figures: figures(100, 12.5),
});
const run = (overrides: Record<string, unknown>) => ({
  __typename: 'LoadTestRun',
  id: '1',
  name: 'three phases',
  mode: 'LOAD',
  verdict: 'FAILED',
  targetUrl: 'http://localhost:4000/graphql',
  startedAt: '2026-12-01T10:00:00.000Z',
  endedAt: '2026-12-01T10:01:10.000Z',
  recordedBy: 'ci',
  figures: figures(300, 812.4, 0.5),
  phases: [
    phase('ramp-up', 'RAMP_UP', 0, 20),
    phase('steady', 'STEADY', 20, 20),
    phase('ramp-down', 'RAMP_DOWN', 20, 0),
  ],
  thresholds: [
    { __typename: 'LoadTestThreshold', metric: 'P95_MS', limit: 500, actual: 812.4, passed: false },
    {
      __typename: 'LoadTestThreshold',
      metric: 'ERROR_RATE_PERCENT',
      limit: 1,
      actual: 0.5,
      passed: true,
    },
  ],
  breakingPoint: null,
  ...overrides,
});

function renderRuns(runs: unknown[]) {
  const fixture = createFixtureClient({ LoadTestRuns: { loadTestRuns: runs } });
  render(
    <Provider value={fixture.client}>
      <LoadTestRuns />
    </Provider>,
  );
}

afterEach(() => {
  cleanup();
});

describe('LoadTestRuns', () => {
  it('lists each run with its verdict, phases, broken thresholds and breaking point', async () => {
    renderRuns([
      run({}),
      run({
        id: '2',
        name: 'stress',
        mode: 'STRESS',
        verdict: 'BREAKING_POINT',
        phases: [phase('step 1', 'STEADY', 10, 10), phase('step 2', 'STEADY', 20, 20)],
        breakingPoint: {
          __typename: 'LoadTestBreakingPoint',
          users: 20,
          lastGoodUsers: 10,
          reason: 'error rate 12.0 %, limit < 1 %',
        },
      }),
    ]);
    const [load, stress] = await screen.findAllByTestId('load-test-run');
    expect(within(load!).getByText('Failed')).toBeTruthy();
    expect(load!.textContent).toContain('Load run');
    expect(load!.textContent).toContain('for 1 min 10 s');
    const rows = within(load!).getAllByRole('row').slice(1);
    const cells = rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
    );
    expect(cells).toEqual([
      ['ramp-up', '0 → 20', '100', '10', '12.5 ms', '0 %'],
      ['steady', '20', '100', '10', '12.5 ms', '0 %'],
      ['ramp-down', '20 → 0', '100', '10', '12.5 ms', '0 %'],
    ]);
    expect(load!.textContent).toContain('✗ broken: p95 812.4 ms (limit < 500 ms)');
    expect(load!.textContent).toContain('✓ held: Error rate 0.5 % (limit < 1 %)');
    expect(within(stress!).getByText('Breaking point found')).toBeTruthy();
    expect(stress!.textContent).toContain(
      'Broke at 20 users (error rate 12.0 %, limit < 1 %); the last step that held had 10 users.',
    );
    expect(stress!.textContent).toContain('step 1 (steady)');
  });

  it('says how to store a run when there is none', async () => {
    renderRuns([]);
    const empty = await screen.findByTestId('load-tests-empty');
    expect(empty.textContent).toContain(
      'npm run loadtest -- scripts/loadtest/scenarios/three-phases.yaml',
    );
  });
});
