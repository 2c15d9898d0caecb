import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs } from './validation.ts';

/** Table `automatic_response_settings`: one row per response an admin has configured. */
export interface AutomaticResponseSettingsTable {
  name: string;
  /** 0/1 (better-sqlite3 cannot bind booleans). */
  enabled: number;
  dry_run: number;
  cooldown_ms: number;
  max_per_hour: number;
  updated_at: number;
  updated_by: string;
}

/** Table `automatic_response_runs`: one row per action (dry or live), unique per episode and mode. */
export interface AutomaticResponseRunTable {
  id: Generated<number>;
  name: string;
  episode: string;
  mode: string;
  at: number;
  instance_id: string;
  subject: string | null;
  figures: string;
  outcome: string;
  details: string | null;
}

type OperationsDatabase = Database & {
  automatic_response_settings: AutomaticResponseSettingsTable;
  automatic_response_runs: AutomaticResponseRunTable;
};

/** Stored settings of one response. */
export interface StoredResponseSettings {
  name: string;
  enabled: boolean;
  dryRun: boolean;
  cooldownMs: number;
  maxPerHour: number;
  updatedAt: number;
  updatedBy: string;
}

/** A run about to happen. */
export interface NewResponseRun {
  name: string;
  /** The episode id; a second claim with the same name, episode and mode is refused. */
  episode: string;
  mode: 'dry-run' | 'live';
  at: number;
  instanceId: string;
  subject: string | null;
  /** The figures that triggered it. */
  figures: Record<string, number>;
}

/** A stored run. `outcome` is `claimed` until {@link AutomaticResponseRepository.finishRun}. */
export interface StoredResponseRun extends NewResponseRun {
  id: number;
  outcome: string;
  details: unknown;
}

/** What the policy needs from the history of one response. */
export interface ResponseRunFacts {
  lastActedAt: number | null;
  actedInLastHour: number;
  actedInEpisode: boolean;
}

/** Settings and runs of the automatic responses, shared by every instance. */
export interface AutomaticResponseRepository {
  /** Every configured response (unconfigured ones are not listed). */
  listSettings(): Promise<StoredResponseSettings[]>;
  /** Creates or replaces a response's settings. */
  saveSettings(settings: StoredResponseSettings): Promise<void>;
  /**
   * Records a run unless one with the same name, episode and mode exists (on any instance);
   * returns it, or null when another claim won.
   */
  claimRun(run: NewResponseRun): Promise<StoredResponseRun | null>;
  /** Stores how a claimed run ended (`ok`, `failed`, `skipped`) and what it did. */
  finishRun(id: number, outcome: string, details: unknown): Promise<void>;
  /** Runs newest first, of one response or all. */
  listRuns(options: { name?: string | undefined; limit: number }): Promise<StoredResponseRun[]>;
  /** Last run, runs in the hour before `now`, and whether `episode` already ran in `mode`. */
  facts(name: string, episode: string, mode: string, now: number): Promise<ResponseRunFacts>;
}

/** The Kysely implementation of {@link AutomaticResponseRepository}, for SQLite and PostgreSQL. */
export function createAutomaticResponseRepository(
  database: Kysely<Database>,
): AutomaticResponseRepository {
  const db = database as unknown as Kysely<OperationsDatabase>;
  return {
    async listSettings() {
      const rows = await db
        .selectFrom('automatic_response_settings')
        .selectAll()
        .orderBy('name')
        .execute();
      return rows.map(toSettings);
    },

    async saveSettings(settings) {
      assertEpochMs(settings.updatedAt, 'updatedAt');
      if (!Number.isSafeInteger(settings.cooldownMs) || settings.cooldownMs < 0)
        throw new StoreError('INVALID_ARGUMENT', 'cooldownMs must be a non-negative integer');
      if (!Number.isSafeInteger(settings.maxPerHour) || settings.maxPerHour < 0)
        throw new StoreError('INVALID_ARGUMENT', 'maxPerHour must be a non-negative integer');
      const row = {
        name: settings.name,
        enabled: settings.enabled ? 1 : 0,
        dry_run: settings.dryRun ? 1 : 0,
        cooldown_ms: settings.cooldownMs,
        max_per_hour: settings.maxPerHour,
        updated_at: settings.updatedAt,
        updated_by: settings.updatedBy,
      };
      await db
        .insertInto('automatic_response_settings')
        .values(row)
        .onConflict((conflict) => conflict.column('name').doUpdateSet(row))
        .execute();
    },

    async claimRun(run) {
      assertEpochMs(run.at, 'at');
      const inserted = await db
        .insertInto('automatic_response_runs')
        .values({
          name: run.name,
          episode: run.episode,
          mode: run.mode,
          at: run.at,
          instance_id: run.instanceId,
          subject: run.subject,
          figures: JSON.stringify(run.figures),
          outcome: 'claimed',
          details: null,
        })
        .onConflict((conflict) => conflict.columns(['name', 'episode', 'mode']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return inserted === undefined ? null : toRun(inserted);
    },

    async finishRun(id, outcome, details) {
      await db
        .updateTable('automatic_response_runs')
        .set({ outcome, details: details === undefined ? null : JSON.stringify(details) })
        .where('id', '=', id)
        .execute();
    },

    async listRuns({ name, limit }) {
      if (!Number.isSafeInteger(limit) || limit < 0)
        throw new StoreError(
          'INVALID_ARGUMENT',
          `limit must be a non-negative integer, got ${limit}`,
        );
      let query = db.selectFrom('automatic_response_runs').selectAll();
      if (name !== undefined) query = query.where('name', '=', name);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRun);
    },

    facts: (name, episode, mode, now) => runFacts(db, name, episode, mode, now),
  };
}

/** What the response policy needs from one response's runs. */
async function runFacts(
  db: Kysely<OperationsDatabase>,
  name: string,
  episode: string,
  mode: string,
  now: number,
): Promise<ResponseRunFacts> {
  const runs = db.selectFrom('automatic_response_runs').where('name', '=', name);
  const last = await runs.select((eb) => eb.fn.max('at').as('at')).executeTakeFirst();
  const recent = await runs
    .select((eb) => eb.fn.countAll().as('count'))
    .where('at', '>', now - 3_600_000)
    .executeTakeFirst();
  const same = await runs
    .select('id')
    .where('episode', '=', episode)
    .where('mode', '=', mode)
    .executeTakeFirst();
  const lastAt = last?.at ?? null;
  return {
    lastActedAt: lastAt,
    actedInLastHour: Number(recent?.count ?? 0),
    actedInEpisode: same !== undefined,
  };
}

function toSettings(row: Selectable<AutomaticResponseSettingsTable>): StoredResponseSettings {
  return {
    name: row.name,
    enabled: row.enabled === 1,
    dryRun: row.dry_run === 1,
    cooldownMs: row.cooldown_ms,
    maxPerHour: row.max_per_hour,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toRun(row: Selectable<AutomaticResponseRunTable>): StoredResponseRun {
  return {
    id: row.id,
    name: row.name,
    episode: row.episode,
    mode: row.mode === 'live' ? 'live' : 'dry-run',
    at: row.at,
    instanceId: row.instance_id,
    subject: row.subject,
    figures: JSON.parse(row.figures) as Record<string, number>,
    outcome: row.outcome,
    details: row.details === null ? null : (JSON.parse(row.details) as unknown),
  };
}
