import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSchemaHarness } from '../testing/alerting-schema-harness.ts';
import type { SchemaHarness } from '../testing/alerting-schema-harness.ts';
import { MINUTE, T0 } from '../testing/alerting-service-harness.ts';

const CREATE = /* GraphQL */ `
  mutation ($input: SilenceInput!) {
    createSilence(input: $input) {
      __typename
      ... on Silence {
        id
        matchers {
          name
          value
        }
        startsAt
        endsAt
        comment
        createdBy
      }
      ... on ValidationError {
        errors {
          field
          code
        }
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

describe('silence schema', () => {
  it('creates, lists, edits and deletes silences', async () => {
    const created = await api.graphql<{ createSilence: { id: string } }>(CREATE, {
      input: {
        matchers: [{ name: 'severity', value: 'warning' }],
        endsAt: new Date(T0 + 30 * MINUTE).toISOString(),
        comment: 'maintenance',
      },
    });
    expect(created.data).toMatchObject({
      createSilence: {
        __typename: 'Silence',
        startsAt: new Date(T0).toISOString(),
        createdBy: 'harness-admin',
        matchers: [{ name: 'severity', value: 'warning' }],
      },
    });
    const id = created.data!.createSilence.id;

    const updated = await api.graphql(
      'mutation ($id: ID!) { updateSilence(id: $id, input: { comment: "longer" }) { ... on Silence { comment } } }',
      { id },
    );
    expect(updated.data).toEqual({ updateSilence: { comment: 'longer' } });
    expect((await api.graphql('{ silences { id comment } }')).data).toEqual({
      silences: [{ id, comment: 'longer' }],
    });
    const deleted = await api.graphql(
      'mutation ($id: ID!) { deleteSilence(id: $id) { __typename ... on Deletion { id } } }',
      { id },
    );
    expect(deleted.data).toEqual({ deleteSilence: { __typename: 'Deletion', id } });
  });

  it('rejects silences without matchers or ending before they start', async () => {
    const result = await api.graphql(CREATE, {
      input: { matchers: [], endsAt: new Date(T0 - MINUTE).toISOString(), comment: 'x' },
    });
    expect(result.data).toMatchObject({
      createSilence: {
        __typename: 'ValidationError',
        errors: expect.arrayContaining([
          { field: 'matchers', code: 'empty' },
          { field: 'endsAt', code: 'invalid-range' },
        ]) as unknown,
      },
    });
  });
});
