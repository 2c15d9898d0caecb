import type { Budget } from '@taurine/monitor';
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database } from './database.ts';
import { assertEpochMs } from './validation.ts';

/** Table `insight_deployments`: one row per recorded deployment. Times are epoch ms. */
export interface InsightDeploymentTable {
  id: Generated<number>;
  version: string;
  deployed_at: number;
  /** `startup` (SERVICE_VERSION changed) or `mutation` (recordDeployment). */
  source: string;
  recorded_by: string;
  description: string | null;
}

/** Table `insight_budgets`: one row per budget, the whole `Budget` as JSON. */
export interface InsightBudgetTable {
  id: string;
  budget: string;
  updated_at: number;
}

/** The tables of migration `007_insight`. */
export type InsightTables = {
  insight_deployments: InsightDeploymentTable;
  insight_budgets: InsightBudgetTable;
};

/** A deployment to record. */
export interface NewDeployment {
  version: string;
  at: number;
  source: 'startup' | 'mutation';
  recordedBy: string;
  description?: string | null | undefined;
}

/** A recorded deployment. */
export interface StoredDeployment extends Required<NewDeployment> {
  id: number;
  description: string | null;
}

/** Deployments and budgets. */
export interface InsightRepository {
  recordDeployment(deployment: NewDeployment): Promise<StoredDeployment>;
  /** The `limit` newest deployments, newest first. */
  deployments(limit: number): Promise<StoredDeployment[]>;
  /** Every budget, by id. */
  listBudgets(): Promise<Budget[]>;
  /** Inserts or replaces a budget. */
  saveBudget(budget: Budget, now: number): Promise<void>;
  /** Deletes a budget; false when there was none. */
  deleteBudget(id: string): Promise<boolean>;
  /** Stores `budgets` when none is stored (a first start); returns how many it stored. */
  seedBudgets(budgets: readonly Budget[], now: number): Promise<number>;
}

/** The Kysely implementation of {@link InsightRepository}, for SQLite and PostgreSQL. */
export function createInsightRepository(base: Kysely<Database>): InsightRepository {
  const db = base.withTables<InsightTables>();
  const toDeployment = (row: Selectable<InsightDeploymentTable>): StoredDeployment => ({
    id: row.id,
    version: row.version,
    at: row.deployed_at,
    source: row.source === 'startup' ? 'startup' : 'mutation',
    recordedBy: row.recorded_by,
    description: row.description,
  });
  const saveBudget = async (budget: Budget, now: number) => {
    await db
      .insertInto('insight_budgets')
      .values({ id: budget.id, budget: JSON.stringify(budget), updated_at: now })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({ budget: JSON.stringify(budget), updated_at: now }),
      )
      .execute();
  };
  return {
    async recordDeployment(deployment) {
      assertEpochMs(deployment.at, 'at');
      const row = await db
        .insertInto('insight_deployments')
        .values({
          version: deployment.version,
          deployed_at: deployment.at,
          source: deployment.source,
          recorded_by: deployment.recordedBy,
          description: deployment.description ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDeployment(row);
    },

    async deployments(limit) {
      const rows = await db
        .selectFrom('insight_deployments')
        .selectAll()
        .orderBy('deployed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDeployment);
    },

    async listBudgets() {
      const rows = await db.selectFrom('insight_budgets').selectAll().orderBy('id').execute();
      return rows.map((row) => JSON.parse(row.budget) as Budget);
    },

    saveBudget,

    async deleteBudget(id) {
      const result = await db.deleteFrom('insight_budgets').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async seedBudgets(budgets, now) {
      const { count } = await db
        .selectFrom('insight_budgets')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .executeTakeFirstOrThrow();
      if (Number(count) > 0) return 0;
      for (const budget of budgets) await saveBudget(budget, now);
      return budgets.length;
    },
  };
}
