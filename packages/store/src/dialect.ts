/**
 * Everything that differs between SQLite and PostgreSQL lives here: how a connection is opened,
 * how numbers come back, and which column types the migrations use. Queries elsewhere are written
 * once in SQL that both dialects accept.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely';
import { Pool, TypeOverrides, escapeIdentifier } from 'pg';
import type { Database } from './database.ts';
import { StoreError } from './errors.ts';
import { SchemaScopedPostgresDialect } from './postgres-introspector.ts';

/** The SQL engine behind a store. */
export type SqlDialect = 'sqlite' | 'postgres';

/** File name of the embedded database inside `dataDir`. */
export const SQLITE_FILE_NAME = 'taurine.sqlite';

/** How long SQLite waits for another connection's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** How long a PostgreSQL connection attempt may take before it fails (pg's default is forever). */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

const POSTGRES_PROTOCOLS: readonly string[] = ['postgres:', 'postgresql:'];
const POSTGRES_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const PG_INT8_OID = 20;

/** Column types the migrations need that the two dialects spell differently. */
export interface ColumnTypes {
  /** Auto-increment integer primary key. */
  readonly id: {
    readonly type: ColumnDataType;
    readonly define: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  };
  /** Epoch milliseconds: needs 64 bits. */
  readonly epochMs: ColumnDataType;
  /** IEEE 754 double. */
  readonly double: ColumnDataType;
  /**
   * JSON documents. Plain text on both dialects: payloads and tags are written and read whole,
   * never queried inside, and text round-trips byte for byte.
   */
  readonly json: ColumnDataType;
}

const COLUMN_TYPES: Readonly<Record<SqlDialect, ColumnTypes>> = {
  sqlite: {
    // INTEGER PRIMARY KEY aliases the rowid; AUTOINCREMENT stops ids being reused after deletes.
    id: { type: 'integer', define: (column) => column.primaryKey().autoIncrement() },
    epochMs: 'bigint',
    double: 'real',
    json: 'text',
  },
  postgres: {
    id: { type: 'bigint', define: (column) => column.primaryKey().generatedByDefaultAsIdentity() },
    epochMs: 'bigint',
    double: 'double precision',
    json: 'text',
  },
};

/** The column types migrations use on `dialect`. */
export function columnTypes(dialect: SqlDialect): ColumnTypes {
  return COLUMN_TYPES[dialect];
}

/**
 * Opens (creating if needed) `<dataDir>/taurine.sqlite` in WAL mode with a busy timeout and
 * foreign keys enforced.
 */
export function openSqlite(dataDir: string): Kysely<Database> {
  const file = join(dataDir, SQLITE_FILE_NAME);
  let database: SqliteDatabase.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database?.close();
    throw new StoreError('CONNECTION_FAILED', `Cannot open SQLite database at ${file}`, {
      cause: error,
    });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/**
 * Checks that `databaseUrl` is a PostgreSQL URL. Errors never echo the URL nor carry the parser's
 * error as `cause`: both would put the password into logs.
 */
export function parsePostgresUrl(databaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new StoreError('INVALID_DATABASE_URL', 'Invalid databaseUrl: not a URL');
  }
  if (!POSTGRES_PROTOCOLS.includes(url.protocol)) {
    throw new StoreError(
      'INVALID_DATABASE_URL',
      `Unsupported databaseUrl scheme "${url.protocol}": expected postgres:// or postgresql://`,
    );
  }
  return url;
}

/** Checks that `schema` is a plain PostgreSQL identifier, so it can be quoted safely. */
export function assertSchemaName(schema: string): void {
  if (!POSTGRES_IDENTIFIER.test(schema)) {
    throw new StoreError(
      'INVALID_OPTIONS',
      `Invalid schema "${schema}": use 1-63 letters, digits or underscores, not starting with a digit`,
    );
  }
}

/**
 * Connects to PostgreSQL through a `pg` Pool whose connections use `schema` as search_path, and
 * creates the schema when it is missing. int8 values (bigint columns, `count(*)`) are parsed into
 * JS numbers on this pool only, not through pg's process-wide parser: epoch milliseconds and row
 * counts stay far below 2^53.
 */
export async function openPostgres(url: URL, schema: string): Promise<Kysely<Database>> {
  const types = new TypeOverrides();
  types.setTypeParser(PG_INT8_OID, Number);
  const pool = new Pool({
    connectionString: url.href,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    types,
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would crash
  // the process. The pool drops that client and the next query reconnects; ping() reports it.
  pool.on('error', () => undefined);
  const searchPath = CompiledQuery.raw(`set search_path to ${escapeIdentifier(schema)}`);
  const db = new Kysely<Database>({
    dialect: new SchemaScopedPostgresDialect(
      {
        pool,
        onCreateConnection: async (connection) => {
          await connection.executeQuery(searchPath);
        },
      },
      schema,
    ),
  });

  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new StoreError(
      'CONNECTION_FAILED',
      `Cannot connect to PostgreSQL at ${url.host}${url.pathname}`,
      { cause: error },
    );
  }
  try {
    await ensureSchema(db, schema);
  } catch (error) {
    await db.destroy();
    throw new StoreError('CONNECTION_FAILED', `Cannot create PostgreSQL schema "${schema}"`, {
      cause: error,
    });
  }
  return db;
}

async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
  // Check first: CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege on the database,
  // which a user confined to an existing schema may lack.
  if (await schemaExists(db, schema)) return;
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two instances starting together can both try; PostgreSQL may then report a duplicate.
    if (!(await schemaExists(db, schema))) throw error;
  }
}

async function schemaExists(db: Kysely<Database>, schema: string): Promise<boolean> {
  const { rows } = await sql<{ found: number }>`
    select 1 as found from pg_namespace where nspname = ${schema}
  `.execute(db);
  return rows.length > 0;
}

/**
 * Where Kysely's migrator keeps its bookkeeping tables. On PostgreSQL it must be named: without a
 * schema the migrator looks for `kysely_migration` in every schema and would find another one's.
 */
export function migrationTableSchema(dialect: SqlDialect, schema: string): string | undefined {
  return dialect === 'postgres' ? schema : undefined;
}
