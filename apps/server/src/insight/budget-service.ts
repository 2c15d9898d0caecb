import { randomUUID } from 'node:crypto';
import { DEFAULT_BUDGETS, budgetProblem, budgetStatus } from '@taurine/monitor';
import type {
  Budget,
  BudgetDefinition,
  BudgetStatus,
  Clock,
  MetricsRegistry,
} from '@taurine/monitor';
import type { Store } from '@taurine/store';
import type { AlertingResult } from '../alerting/alerting-results.ts';
import { invalid, notFound, succeeded } from '../alerting/alerting-results.ts';

/** A budget with where it stands. */
export interface BudgetState extends Budget {
  value: number | null;
  status: BudgetStatus;
  /** When the budget entered its status (epoch ms). */
  since: number;
}

/** Budgets as data (seeded with the defaults, edited by admins), evaluated every tick. */
export function createBudgetService(options: {
  store: Store;
  registry: MetricsRegistry;
  clock: Clock;
}) {
  const { store, registry, clock } = options;
  let budgets: Budget[] = [];
  const states = new Map<string, BudgetState>();

  const reload = async () => {
    budgets = await store.insight.listBudgets();
  };

  return {
    /** Seeds the default budgets at the first start and loads them. */
    async load() {
      const now = clock.now();
      await store.insight.seedBudgets(
        DEFAULT_BUDGETS.map((budget) => ({ ...budget, id: `default.${budget.metric}` })),
        now,
      );
      await reload();
    },

    /** Evaluates every budget now; returns the ones whose status changed. */
    evaluate(): BudgetState[] {
      const now = clock.now();
      const changed: BudgetState[] = [];
      for (const budget of budgets) {
        const value = registry.stats(budget.metric, budget.tags, budget.window)[budget.statistic];
        const status = budgetStatus(budget, value);
        const previous = states.get(budget.id);
        const since = previous?.status === status ? previous.since : now;
        const state = { ...budget, value, status, since };
        states.set(budget.id, state);
        if (previous?.status !== status) changed.push(state);
      }
      for (const id of states.keys()) if (!budgets.some((b) => b.id === id)) states.delete(id);
      return changed;
    },

    /** Every budget with its last evaluated status (`no_data` before the first tick). */
    list(): BudgetState[] {
      return budgets.map((budget) => {
        const state = states.get(budget.id);
        return state
          ? { ...budget, value: state.value, status: state.status, since: state.since }
          : { ...budget, value: null, status: 'no_data', since: clock.now() };
      });
    },

    /** Creates (no `id`) or replaces a budget. */
    async save(input: BudgetDefinition & { id?: string | null }): Promise<AlertingResult<Budget>> {
      const problem = budgetProblem(input);
      if (problem)
        return invalid([{ field: problem.field, code: 'invalid', message: problem.message }]);
      if (input.id && !budgets.some((b) => b.id === input.id)) return notFound('budget', input.id);
      const budget: Budget = { ...input, id: input.id ?? `budget-${randomUUID().slice(0, 8)}` };
      await store.insight.saveBudget(budget, clock.now());
      await reload();
      return succeeded(budget);
    },

    async remove(id: string): Promise<AlertingResult<{ id: string }>> {
      if (!(await store.insight.deleteBudget(id))) return notFound('budget', id);
      await reload();
      return succeeded({ id });
    },
  };
}

export type BudgetService = ReturnType<typeof createBudgetService>;
