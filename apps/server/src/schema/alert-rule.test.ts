import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSchemaHarness } from '../testing/alerting-schema-harness.ts';
import type { SchemaHarness } from '../testing/alerting-schema-harness.ts';

const RULES = /* GraphQL */ `
  query {
    alertRules {
      id
      metric
      stat
      window
      comparison
      threshold
      severity
      forMs
      noDataState
      enabled
      builtIn
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: AlertRulePatch!) {
    updateAlertRule(id: $id, input: $input) {
      __typename
      ... on AlertRule {
        threshold
        enabled
        tags {
          key
          value
        }
      }
      ... on ValidationError {
        errors {
          field
          code
        }
      }
      ... on NotFoundError {
        id
      }
    }
  }
`;

const DELETE = /* GraphQL */ `
  mutation ($id: ID!) {
    deleteAlertRule(id: $id) {
      __typename
      ... on Deletion {
        id
      }
      ... on ValidationError {
        errors {
          code
        }
      }
      ... on NotFoundError {
        id
      }
    }
  }
`;

let api: SchemaHarness;
beforeEach(async () => {
  api = await createSchemaHarness();
});
afterEach(async () => {
  await api.cleanup();
});

const RENAME = /* GraphQL */ `
  mutation ($id: ID!, $input: AlertRulePatch!) {
    updateAlertRule(id: $id, input: $input) {
      ... on AlertRule {
        name
        threshold
      }
    }
  }
`;

describe('alert rule schema', () => {
  it('lists the built-in rules with their definitions', async () => {
    const result = await api.graphql<{ alertRules: Record<string, unknown>[] }>(RULES);
    expect(result.data?.alertRules).toContainEqual({
      id: 'builtin.api-latency-p95',
      metric: 'api.responseTime',
      stat: 'P95',
      window: 'LAST_5M',
      comparison: 'GT',
      threshold: 2000,
      severity: 'ERROR',
      forMs: 300_000,
      noDataState: 'OK',
      enabled: true,
      builtIn: true,
    });
  });

  it('edits a built-in rule, refuses to delete it, and reports unknown ids', async () => {
    const updated = await api.graphql(UPDATE, {
      id: 'builtin.api-latency-p95',
      input: { threshold: 1500, enabled: false, tags: [{ key: 'endpoint', value: '/graphql' }] },
    });
    expect(updated.data).toEqual({
      updateAlertRule: {
        __typename: 'AlertRule',
        threshold: 1500,
        enabled: false,
        tags: [{ key: 'endpoint', value: '/graphql' }],
      },
    });
    const invalid = await api.graphql(UPDATE, {
      id: 'builtin.api-latency-p95',
      input: { tags: [{ key: 'severity', value: 'x' }] },
    });
    expect(invalid.data).toMatchObject({
      updateAlertRule: {
        __typename: 'ValidationError',
        errors: [{ field: 'tags.severity', code: 'reserved-name' }],
      },
    });
    expect((await api.graphql(DELETE, { id: 'builtin.api-latency-p95' })).data).toEqual({
      deleteAlertRule: { __typename: 'ValidationError', errors: [{ code: 'built-in' }] },
    });
    expect((await api.graphql(DELETE, { id: 'nope' })).data).toEqual({
      deleteAlertRule: { __typename: 'NotFoundError', id: 'nope' },
    });
    expect((await api.graphql(UPDATE, { id: 'nope', input: {} })).data).toEqual({
      updateAlertRule: { __typename: 'NotFoundError', id: 'nope' },
    });
  });

  it('a rule named after its threshold follows an edited threshold; a chosen name stays', async () => {
    const rename = async (id: string, input: Record<string, unknown>) =>
      (await api.graphql<{ updateAlertRule: unknown }>(RENAME, { id, input })).data
        ?.updateAlertRule;
    expect(await rename('builtin.heap-memory', { threshold: 0.9 })).toEqual({
      name: 'Heap memory above 90 % of the limit',
      threshold: 0.9,
    });
    expect(await rename('builtin.api-latency-p95', { threshold: 1500 })).toEqual({
      name: 'API p95 response time above 1.5 s',
      threshold: 1500,
    });
    expect(
      await rename('builtin.api-latency-p95', { name: 'Latency SLO', threshold: 1800 }),
    ).toEqual({ name: 'Latency SLO', threshold: 1800 });
    expect(await rename('builtin.api-latency-p95', { threshold: 2500 })).toEqual({
      name: 'Latency SLO',
      threshold: 2500,
    });
    const listed = await api.graphql<{ alertRules: { id: string; name: string }[] }>(
      '{ alertRules { id name } }',
    );
    expect(listed.data?.alertRules).toContainEqual({
      id: 'builtin.heap-memory',
      name: 'Heap memory above 90 % of the limit',
    });
  });
});
