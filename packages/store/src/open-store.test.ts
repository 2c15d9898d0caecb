import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from './errors.ts';
import { openStore } from './open-store.ts';
import {
  TEST_DATABASE_URL,
  createPostgresHarness,
  createSqliteHarness,
  storeHarnesses,
} from './testing/store-harness.ts';
import type { StoreHarness } from './testing/store-harness.ts';

describe.each(storeHarnesses)('openStore on $dialect', ({ dialect, create }) => {
  let harness: StoreHarness;
  beforeEach(async () => {
    harness = await create();
  });
  afterEach(async () => {
    await harness.cleanup();
  });

  it('reports its dialect and applies every migration once, in order', async () => {
    const store = await harness.open();
    expect(store.dialect).toBe(dialect);
    expect(await store.migrate()).toEqual([
      '001_calculator_events',
      '002_metric_rollups',
      '003_access',
      '004_alerting',
      '005_outbox_order_and_leases',
      '007_insight',
      '008_reports',
      '009_automatic_responses',
      '010_load_test_runs',
      '011_dashboards',
    ]);
    expect(await store.migrate()).toEqual([]);

    const reopened = await harness.open();
    expect(await reopened.migrate()).toEqual([]);
  });

  it('does not migrate by itself', async () => {
    const store = await harness.open();
    await expect(store.events.count('calculation', 0)).rejects.toThrow();
  });

  it('answers ping while open and not after close, and closes twice without error', async () => {
    const store = await harness.open();
    expect(await store.ping()).toBe(true);
    await store.close();
    await store.close();
    expect(await store.ping()).toBe(false);
  });

  it('returns 64-bit integers from its own queries as JS numbers', async () => {
    const store = await harness.open();
    await store.migrate();
    await store.events.record({ type: 'calculation', flavorId: 'f', createdAt: 2 ** 40 });
    const row = await store.db
      .selectFrom('calculator_events')
      .select((eb) => [eb.fn.countAll().as('total'), eb.fn.max('created_at').as('latest')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ total: 1, latest: 2 ** 40 });
  });
});

describe('openStore on SQLite', () => {
  let harness: Awaited<ReturnType<typeof createSqliteHarness>>;
  beforeEach(async () => {
    harness = await createSqliteHarness();
  });
  afterEach(async () => {
    await harness.cleanup();
  });

  it('creates dataDir and taurine.sqlite in WAL mode with busy timeout and foreign keys', async () => {
    expect(existsSync(harness.dataDir)).toBe(false);
    const store = await harness.open();
    expect(existsSync(join(harness.dataDir, 'taurine.sqlite'))).toBe(true);

    const pragma = async (name: string) =>
      (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
  });

  it('keeps data across close and reopen of the same file', async () => {
    const first = await harness.open();
    await first.migrate();
    await first.events.record({ type: 'affiliate_click', flavorId: 'berry', createdAt: 1_000 });
    await first.close();

    const second = await harness.open();
    expect(await second.migrate()).toEqual([]);
    expect(await second.events.count('affiliate_click', 0)).toBe(1);
  });

  it('fails with CONNECTION_FAILED when dataDir cannot be created', async () => {
    const store = await harness.open();
    await store.close();
    const blocker = join(harness.dataDir, 'a-file');
    writeFileSync(blocker, '');
    const error = await openStore({ dataDir: join(blocker, 'data') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: 'CONNECTION_FAILED',
      message: `Cannot open SQLite database at ${join(blocker, 'data', 'taurine.sqlite')}`,
    });
    expect((error as StoreError).cause).toBeInstanceOf(Error);
  });

  it('rejects an empty dataDir', async () => {
    await expect(openStore({ dataDir: '' })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      message: 'dataDir must not be empty',
    });
  });
});

describe('openStore on PostgreSQL', () => {
  let harness: ReturnType<typeof createPostgresHarness>;
  beforeEach(() => {
    harness = createPostgresHarness();
  });
  afterEach(async () => {
    await harness.cleanup();
  });

  it('creates a missing schema and keeps every table in it', async () => {
    const store = await harness.open();
    await store.migrate();
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = ${harness.schema} order by table_name
    `.execute(store.db);
    expect(rows.map((row) => row.table_name)).toEqual([
      'alert_rules',
      'alert_transitions',
      'alerts',
      'api_keys',
      'audit_log',
      'automatic_response_runs',
      'automatic_response_settings',
      'calculator_events',
      'dashboard_versions',
      'dashboards',
      'evaluator_state',
      'insight_budgets',
      'insight_deployments',
      'kysely_migration',
      'kysely_migration_lock',
      'load_test_runs',
      'metric_rollups',
      'notification_attempts',
      'notification_channels',
      'notification_outbox',
      'report_schedules',
      'reports',
      'silences',
    ]);
  });

  it('applies each migration once when two instances migrate at the same time', async () => {
    const [first, second] = await Promise.all([harness.open(), harness.open()]);
    const applied = await Promise.all([first.migrate(), second.migrate()]);
    expect(applied.flat().sort()).toEqual([
      '001_calculator_events',
      '002_metric_rollups',
      '003_access',
      '004_alerting',
      '005_outbox_order_and_leases',
      '007_insight',
      '008_reports',
      '009_automatic_responses',
      '010_load_test_runs',
      '011_dashboards',
    ]);
  });

  it('migrates its own schema when another schema of the database already has the tables', async () => {
    // Another deployment (or test run) in the same database, migrated first, whose schema name
    // sorts before ours ('0' before any process id), so a lookup across schemas finds it first.
    const neighbour = createPostgresHarness('0');
    try {
      await (await neighbour.open()).migrate();
      const store = await harness.open();
      await store.migrate();
      const { rows } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = ${harness.schema} and table_name = 'notification_outbox'
      `.execute(store.db);
      expect(rows.map((row) => row.column_name)).toEqual(
        expect.arrayContaining(['lease_owner', 'seq']),
      );
    } finally {
      await neighbour.cleanup();
    }
  });

  it('fails with CONNECTION_FAILED, without the password, when the server is unreachable', async () => {
    const error = await openStore({
      dataDir: '/nonexistent',
      databaseUrl: 'postgres://postgres:s3cret@127.0.0.1:1/test',
      schema: harness.schema,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: 'CONNECTION_FAILED',
      message: 'Cannot connect to PostgreSQL at 127.0.0.1:1/test',
    });
    expect((error as StoreError).cause).toBeInstanceOf(Error);
  });
});

describe('openStore options', () => {
  it('rejects a databaseUrl with another scheme with an exact message', async () => {
    const error = await openStore({
      dataDir: '/nonexistent',
      databaseUrl: 'mysql://root:s3cret@localhost/taurine',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      name: 'StoreError',
      code: 'INVALID_DATABASE_URL',
      message: 'Unsupported databaseUrl scheme "mysql:": expected postgres:// or postgresql://',
    });
  });

  it('rejects a databaseUrl that is not a URL without echoing it', async () => {
    const error = await openStore({ dataDir: '/nonexistent', databaseUrl: 's3cret' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: 'INVALID_DATABASE_URL',
      message: 'Invalid databaseUrl: not a URL',
    });
    // Node's URL error carries the input: as `cause` it would put the password into logs.
    expect((error as StoreError).cause).toBeUndefined();
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(
      openStore({ dataDir: '/nonexistent', databaseUrl: TEST_DATABASE_URL, schema: 'a"; drop' }),
    ).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      message:
        'Invalid schema "a"; drop": use 1-63 letters, digits or underscores, not starting with a digit',
    });
  });
});
