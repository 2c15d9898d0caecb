import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
let operatorKey: string;
let viewerKey: string;
beforeAll(async () => {
  app = await createTestApp({ CACHE_WARM_ON_START: 'false' });
  operatorKey = await app.createKey('operator', 'ci-loadtest');
  viewerKey = await app.createKey('viewer');
});
afterAll(() => app.dispose());

const figures = { requests: 120, errors: 3, throughputRps: 12, p50Ms: 4, p95Ms: 40, p99Ms: 90 };
const input = (overrides: Record<string, unknown> = {}) => ({
  name: 'stress, calculator visitors',
  mode: 'STRESS',
  verdict: 'BREAKING_POINT',
  targetUrl: 'http://localhost:4000/graphql',
  startedAt: '2026-12-01T10:00:00.000Z',
  endedAt: '2026-12-01T10:00:30.000Z',
  phases: [
    {
      name: 'step 1',
      kind: 'STEADY',
      startUsers: 10,
      users: 10,
      startedAt: '2026-12-01T10:00:00.000Z',
      endedAt: '2026-12-01T10:00:15.000Z',
      figures,
    },
  ],
  thresholds: [{ metric: 'ERROR_RATE_PERCENT', limit: 1, actual: 2.5, passed: false }],
  breakingPoint: { users: 20, lastGoodUsers: 10, reason: 'error rate 2.5 %, limit < 1 %' },
  figures,
  ...overrides,
});

const RECORD = `mutation ($input: RecordLoadTestRunInput!) {
  recordLoadTestRun(input: $input) {
    __typename
    ... on LoadTestRun { id recordedBy }
    ... on ValidationError { message errors { field code } }
  }
}`;
const LIST = `{ loadTestRuns(first: 5) {
  name mode verdict startedAt endedAt
  phases { name kind users figures { requests errorRatePercent p95Ms } }
  thresholds { metric limit actual passed }
  breakingPoint { users lastGoodUsers reason }
} }`;

describe('recordLoadTestRun and loadTestRuns', () => {
  it('stores an operator’s run and lists it to a viewer with its phases, thresholds and verdict', async () => {
    const recorded = await app.graphql(RECORD, { input: input() }, { 'x-api-key': operatorKey });
    expect(recorded.data?.['recordLoadTestRun']).toMatchObject({
      __typename: 'LoadTestRun',
      recordedBy: 'ci-loadtest',
    });
    const listed = await app.graphql<{ loadTestRuns: unknown[] }>(
      LIST,
      {},
      { 'x-api-key': viewerKey },
    );
    expect(listed.data?.loadTestRuns[0]).toEqual({
      name: 'stress, calculator visitors',
      mode: 'STRESS',
      verdict: 'BREAKING_POINT',
      startedAt: '2026-12-01T10:00:00.000Z',
      endedAt: '2026-12-01T10:00:30.000Z',
      phases: [
        {
          name: 'step 1',
          kind: 'STEADY',
          users: 10,
          figures: { requests: 120, errorRatePercent: 2.5, p95Ms: 40 },
        },
      ],
      thresholds: [{ metric: 'ERROR_RATE_PERCENT', limit: 1, actual: 2.5, passed: false }],
      breakingPoint: { users: 20, lastGoodUsers: 10, reason: 'error rate 2.5 %, limit < 1 %' },
    });
  });

  it('answers a bad run with the path of every bad field and stores nothing', async () => {
    const before = await app.graphql<{ loadTestRuns: unknown[] }>('{ loadTestRuns { name } }');
    const result = await app.graphql(
      RECORD,
      {
        input: input({
          name: ' ',
          verdict: 'PASSED',
          endedAt: '2026-12-01T09:00:00.000Z',
          phases: [{ ...input().phases[0], users: -1, figures: { ...figures, errors: 500 } }],
        }),
      },
      { 'x-api-key': operatorKey },
    );
    expect(result.data?.['recordLoadTestRun']).toMatchObject({ __typename: 'ValidationError' });
    const fields = (
      result.data?.['recordLoadTestRun'] as { errors: { field: string }[] }
    ).errors.map((error) => error.field);
    expect(fields).toEqual([
      'name',
      'endedAt',
      'verdict',
      'breakingPoint',
      'phases[0].users',
      'phases[0].figures.errors',
    ]);
    const after = await app.graphql<{ loadTestRuns: unknown[] }>('{ loadTestRuns { name } }');
    expect(after.data?.loadTestRuns).toEqual(before.data?.loadTestRuns);
  });

  it('lets only operators record and only keys read', async () => {
    const asViewer = await app.graphql(RECORD, { input: input() }, { 'x-api-key': viewerKey });
    expect(asViewer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await app.graphql('{ loadTestRuns { name } }', {}, { 'x-api-key': '' });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
