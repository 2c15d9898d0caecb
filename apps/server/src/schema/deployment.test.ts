import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const RECORD = /* GraphQL */ `
  mutation ($version: String!, $at: DateTime) {
    recordDeployment(version: $version, at: $at, description: "from CI") {
      __typename
      ... on Deployment {
        version
        source
        recordedBy
      }
      ... on ValidationError {
        errors {
          field
        }
      }
    }
  }
`;

const COMPARE = /* GraphQL */ `
  query ($version: String) {
    deploymentComparison(version: $version) {
      __typename
      ... on DeploymentComparison {
        deployment {
          version
        }
        previous {
          version
        }
        metrics {
          metric
          statistic
          before
          after
          verdict
        }
      }
    }
  }
`;

describe('deployment schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ SERVICE_VERSION: '2.0.0', COLLECT_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('records the start-up version, and deployments an operator sends', async () => {
    const operator = await app.createKey('operator', 'ci-bot');
    const recorded = await app.graphql(RECORD, { version: '2.0.1' }, { 'x-api-key': operator });
    expect(recorded.data).toMatchObject({
      recordDeployment: {
        __typename: 'Deployment',
        version: '2.0.1',
        source: 'mutation',
        recordedBy: 'ci-bot',
      },
    });
    const { data } = await app.graphql<{ deployments: { version: string; source: string }[] }>(
      '{ deployments { version source } }',
    );
    expect(data?.deployments).toEqual([
      { version: '2.0.1', source: 'mutation' },
      { version: '2.0.0', source: 'startup' },
    ]);
    const bad = await app.graphql(RECORD, { version: ' ' }, { 'x-api-key': operator });
    expect(bad.data).toMatchObject({
      recordDeployment: { __typename: 'ValidationError', errors: [{ field: 'version' }] },
    });
    const viewer = await app.createKey('viewer');
    const refused = await app.graphql(RECORD, { version: '9' }, { 'x-api-key': viewer });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('compares a deployment with the previous one, metric by metric', async () => {
    // The after window also holds this test's own requests, slow on a loaded machine: 200 samples
    // at 40 ms keep its p95 at 40 whatever a handful of them took.
    for (let i = 0; i < 200; i++) {
      app.services.metrics.registry.distribution('api.responseTime', 40, { operation: 'after' });
    }
    const { data } = await app.graphql<{
      deploymentComparison: {
        deployment: { version: string };
        previous: { version: string } | null;
        metrics: { metric: string; statistic: string; after: number | null }[];
      };
    }>(COMPARE, {});
    expect(data?.deploymentComparison.deployment.version).toBe('2.0.1');
    expect(data?.deploymentComparison.previous?.version).toBe('2.0.0');
    const p95 = data?.deploymentComparison.metrics.find(
      (row) => row.metric === 'api.responseTime' && row.statistic === 'P95',
    );
    expect(p95?.after).toBeCloseTo(40, -1);
    const unknown = await app.graphql(COMPARE, { version: 'nope' });
    expect(unknown.data).toMatchObject({ deploymentComparison: { __typename: 'NotFoundError' } });
  });
});
