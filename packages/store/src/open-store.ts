import { createAutomaticResponseRepository } from './automatic-response-repository.ts';
import type { AutomaticResponseRepository } from './automatic-response-repository.ts';
import { Migrator, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { createAlertConfigRepository } from './alert-config-repository.ts';
import type { AlertConfigRepository } from './alert-config-repository.ts';
import { createAlertRepository } from './alert-repository.ts';
import type { AlertRepository } from './alert-repository.ts';
import { createApiKeyRepository } from './api-key-repository.ts';
import type { ApiKeyRepository } from './api-key-repository.ts';
import { createAuditLogRepository } from './audit-log-repository.ts';
import type { AuditLogRepository } from './audit-log-repository.ts';
import { createCalculatorEventRepository } from './calculator-event-repository.ts';
import { createInsightRepository } from './insight-repository.ts';
import type { InsightRepository } from './insight-repository.ts';
import type { CalculatorEventRepository } from './calculator-event-repository.ts';
import { createDashboardRepository } from './dashboard-repository.ts';
import type { DashboardRepository } from './dashboard-repository.ts';
import type { Database } from './database.ts';
import { createLoadTestRunRepository } from './load-test-run-repository.ts';
import type { LoadTestRunRepository } from './load-test-run-repository.ts';
import {
  assertSchemaName,
  migrationTableSchema,
  openPostgres,
  openSqlite,
  parsePostgresUrl,
} from './dialect.ts';
import type { SqlDialect } from './dialect.ts';
import { StoreError } from './errors.ts';
import { createMigrationProvider } from './migrations/migration-provider.ts';
import { createReportRepository } from './report-repository.ts';
import type { ReportRepository } from './report-repository.ts';
import { createRollupRepository } from './rollup-repository.ts';
import type { RollupRepository } from './rollup-repository.ts';
import { createSqlOutboxStore } from './sql-outbox-store.ts';
import type { SqlOutboxStore } from './sql-outbox-store.ts';

/** Where and how {@link openStore} opens the database. */
export interface StoreOptions {
  /** Directory of the embedded SQLite file `taurine.sqlite`; created when missing. */
  dataDir: string;
  /**
   * `postgres://` or `postgresql://` URL. When set, PostgreSQL is used and `dataDir` is ignored;
   * any other value fails with `INVALID_DATABASE_URL`. @default SQLite in `dataDir`
   */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema holding the tables; created when missing. @default 'public' */
  schema?: string | undefined;
  /** Clock for events recorded without a time. @default Date.now */
  now?: (() => number) | undefined;
}

/** An open database with its repositories. */
export interface Store {
  /** The typed query builder, for queries the repositories do not cover. */
  db: Kysely<Database>;
  dialect: SqlDialect;
  /** Applies pending migrations; returns the names applied (none when up to date). */
  migrate(): Promise<string[]>;
  /** True when the database answers a query; never throws. */
  ping(): Promise<boolean>;
  /** Closes every connection. Safe to call more than once. */
  close(): Promise<void>;
  events: CalculatorEventRepository;
  rollups: RollupRepository;
  apiKeys: ApiKeyRepository;
  auditLog: AuditLogRepository;
  /** Alerts, their transitions and the evaluator state (written together with the outbox). */
  alerts: AlertRepository;
  /** Alert rules, silences and notification channels. */
  alertConfig: AlertConfigRepository;
  /** The durable notification outbox (`@taurine/notify`'s `OutboxStore`). */
  outbox: SqlOutboxStore;
  /** Stored results of `npm run loadtest` runs. */
  loadTestRuns: LoadTestRunRepository;
  /** Dashboards users build, with their versions. */
  dashboards: DashboardRepository;
  /** Deployments and performance budgets. */
  insight: InsightRepository;
  /** Stored reports and report schedules. */
  reports: ReportRepository;
  /** Settings and runs of the automatic responses. */
  automaticResponses: AutomaticResponseRepository;
}

/**
 * Opens the store: SQLite under `dataDir` by default, PostgreSQL when `databaseUrl` is set. Does
 * not migrate: the server calls {@link Store.migrate} at start.
 *
 * @throws StoreError `INVALID_OPTIONS`, `INVALID_DATABASE_URL` or `CONNECTION_FAILED`.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  let db: Kysely<Database>;
  let dialect: SqlDialect;
  if (options.databaseUrl === undefined) {
    if (options.dataDir === '') {
      throw new StoreError('INVALID_OPTIONS', 'dataDir must not be empty');
    }
    db = openSqlite(options.dataDir);
    dialect = 'sqlite';
  } else {
    const url = parsePostgresUrl(options.databaseUrl);
    assertSchemaName(schema);
    db = await openPostgres(url, schema);
    dialect = 'postgres';
  }

  const migrator = new Migrator({
    db,
    provider: createMigrationProvider(dialect),
    migrationTableSchema: migrationTableSchema(dialect, schema),
  });
  let closing: Promise<void> | undefined;

  return {
    db,
    dialect,
    async migrate() {
      const { error, results = [] } = await migrator.migrateToLatest();
      if (error !== undefined) {
        const failed = results.find((result) => result.status === 'Error');
        const message =
          failed === undefined
            ? 'Migrations could not run'
            : `Migration "${failed.migrationName}" failed`;
        throw new StoreError('MIGRATION_FAILED', message, { cause: error });
      }
      return results
        .filter((result) => result.status === 'Success')
        .map((result) => result.migrationName);
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close() {
      closing ??= db.destroy();
      return closing;
    },
    events: createCalculatorEventRepository(db, { now: options.now ?? Date.now }),
    rollups: createRollupRepository(db),
    apiKeys: createApiKeyRepository(db, { now: options.now ?? Date.now }),
    auditLog: createAuditLogRepository(db, { now: options.now ?? Date.now }),
    alerts: createAlertRepository(db),
    alertConfig: createAlertConfigRepository(db),
    outbox: createSqlOutboxStore(db, dialect),
    loadTestRuns: createLoadTestRunRepository(db, { now: options.now ?? Date.now }),
    dashboards: createDashboardRepository(db),
    insight: createInsightRepository(db),
    reports: createReportRepository(db),
    automaticResponses: createAutomaticResponseRepository(db),
  };
}
