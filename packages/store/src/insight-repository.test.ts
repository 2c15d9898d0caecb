import { DEFAULT_BUDGETS } from '@taurine/monitor';
import type { Budget } from '@taurine/monitor';
import { describe, expect, it } from 'vitest';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;

const budgets: Budget[] = DEFAULT_BUDGETS.slice(0, 2).map((budget, i) => ({
  ...budget,
  id: `budget-${i}`,
}));

describe.each(storeHarnesses)('InsightRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('records deployments and lists them newest first', async () => {
    await store.insight.recordDeployment({
      version: '1.0.0',
      at: T0,
      source: 'startup',
      recordedBy: 'server',
    });
    const second = await store.insight.recordDeployment({
      version: '1.1.0',
      at: T0 + 1000,
      source: 'mutation',
      recordedBy: 'ci-bot',
      description: 'faster flavors',
    });
    expect(second).toEqual({
      id: expect.any(Number) as number,
      version: '1.1.0',
      at: T0 + 1000,
      source: 'mutation',
      recordedBy: 'ci-bot',
      description: 'faster flavors',
    });
    expect((await store.insight.deployments(10)).map((d) => d.version)).toEqual(['1.1.0', '1.0.0']);
    expect(await store.insight.deployments(1)).toHaveLength(1);
  });

  it('seeds budgets once, saves edits and deletes', async () => {
    expect(await store.insight.seedBudgets(budgets, T0)).toBe(2);
    expect(await store.insight.seedBudgets(budgets, T0)).toBe(0);
    await store.insight.saveBudget({ ...budgets[0]!, limit: 3000 }, T0 + 1);
    const listed = await store.insight.listBudgets();
    expect(listed.map((b) => [b.id, b.limit])).toEqual([
      ['budget-0', 3000],
      ['budget-1', budgets[1]!.limit],
    ]);
    expect(await store.insight.deleteBudget('budget-1')).toBe(true);
    expect(await store.insight.deleteBudget('budget-1')).toBe(false);
    expect(await store.insight.listBudgets()).toHaveLength(1);
    // With every budget deleted, the next start seeds the defaults again.
    await store.insight.deleteBudget('budget-0');
    expect(await store.insight.seedBudgets(budgets, T0)).toBe(2);
  });
});
