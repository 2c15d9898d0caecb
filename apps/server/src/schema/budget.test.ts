import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const SAVE = /* GraphQL */ `
  mutation ($input: BudgetInput!) {
    saveBudget(input: $input) {
      __typename
      ... on Budget {
        id
        name
        limit
        status
      }
      ... on ValidationError {
        errors {
          field
        }
      }
    }
  }
`;

interface BudgetRow {
  id: string;
  metric: string;
  status: string;
  value: number | null;
}

describe('budget schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ COLLECT_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await app.dispose();
  });

  const budgets = async () =>
    (await app.graphql<{ budgets: BudgetRow[] }>('{ budgets { id metric status value } }')).data!
      .budgets;

  it('lists the default budgets, evaluated every tick', async () => {
    app.services.metrics.registry.distribution('api.responseTime', 900, { operation: 'slow' });
    await app.services.collector.tick();
    const apiP95 = (await budgets()).find((budget) => budget.metric === 'api.responseTime');
    expect(apiP95).toMatchObject({ status: 'OVER', value: expect.any(Number) as number });
    expect((await budgets()).find((b) => b.metric === 'webvitals.LCP')?.status).toBe('NO_DATA');
    const { data } = await app.graphql<{ snapshot: { budgetsOver: number } }>(
      '{ snapshot { budgetsOver } }',
    );
    expect(data?.snapshot.budgetsOver).toBeGreaterThanOrEqual(1);
  });

  it('lets an admin raise a limit, moving the budget from over to within at the next tick', async () => {
    const id = 'default.api.responseTime';
    const input = {
      id,
      name: 'API p95',
      metric: 'api.responseTime',
      statistic: 'P95',
      window: 'LAST_1H',
      limit: 5000,
    };
    const saved = await app.graphql(SAVE, { input });
    expect(saved.data).toMatchObject({ saveBudget: { __typename: 'Budget', id, limit: 5000 } });
    await app.services.collector.tick();
    expect((await budgets()).find((b) => b.id === id)?.status).toBe('WITHIN');
  });

  it('refuses a bad budget with the field named, and a viewer altogether', async () => {
    const bad = await app.graphql(SAVE, {
      input: {
        name: '',
        metric: 'api.responseTime',
        statistic: 'P95',
        window: 'LAST_1H',
        limit: 1,
      },
    });
    expect(bad.data).toMatchObject({
      saveBudget: { __typename: 'ValidationError', errors: [{ field: 'name' }] },
    });
    const viewer = await app.createKey('viewer');
    const refused = await app.graphql(
      SAVE,
      {
        input: {
          name: 'x',
          metric: 'api.responseTime',
          statistic: 'P95',
          window: 'LAST_1H',
          limit: 1,
        },
      },
      { 'x-api-key': viewer },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
