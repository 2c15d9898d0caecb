import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { SqlDialect } from '../dialect.ts';
import { openStore } from '../open-store.ts';
import type { Store, StoreOptions } from '../open-store.ts';

/** The shared test database; each harness works in its own schema and drops it afterwards. */
export const TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Opens stores on a private, empty database and removes it afterwards. */
export interface StoreHarness {
  readonly dialect: SqlDialect;
  /** Opens a store on this harness' database (the same one every time). */
  open(options?: Pick<StoreOptions, 'now'>): Promise<Store>;
  /** Closes every store opened and deletes the database. */
  cleanup(): Promise<void>;
}

/** A temp directory holding `taurine.sqlite`, removed on cleanup. */
export async function createSqliteHarness(): Promise<StoreHarness & { dataDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'taurine-store-'));
  const dataDir = join(root, 'data');
  const stores: Store[] = [];
  return {
    dialect: 'sqlite',
    dataDir,
    async open(options = {}) {
      const store = await openStore({ ...options, dataDir });
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.map((store) => store.close()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A uniquely named PostgreSQL schema in the test database, dropped with CASCADE on cleanup. */
export function createPostgresHarness(
  /** Between `store_test_` and the random part. @default the process id */
  tag: string = String(process.pid),
): StoreHarness & { schema: string } {
  const schema = `store_test_${tag}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const stores: Store[] = [];
  return {
    dialect: 'postgres',
    schema,
    async open(options = {}) {
      const store = await openStore({
        ...options,
        dataDir: '/nonexistent',
        databaseUrl: TEST_DATABASE_URL,
        schema,
      });
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.map((store) => store.close()));
      const admin = new Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Both dialects, for `describe.each`: every contract test runs on SQLite and PostgreSQL. */
export const storeHarnesses: readonly {
  readonly dialect: SqlDialect;
  readonly create: () => Promise<StoreHarness>;
}[] = [
  { dialect: 'sqlite', create: createSqliteHarness },
  { dialect: 'postgres', create: () => Promise.resolve(createPostgresHarness()) },
];

/** What {@link useMigratedStore} hands each test: the store, and the harness that opened it. */
export interface MigratedStore {
  store: Store;
  harness: StoreHarness;
}

/**
 * Gives the enclosing `describe` a migrated store on a fresh, private database (a SQLite file or a
 * PostgreSQL schema) and removes that database afterwards: a new one for each test, or one for the
 * whole `describe` with `per: 'describe'`. `ready` receives each store as it opens. Call it once,
 * in a `describe.each(storeHarnesses)`.
 */
export function useMigratedStore(
  create: () => Promise<StoreHarness>,
  ready: (opened: MigratedStore) => void,
  options: Pick<StoreOptions, 'now'> & {
    /** @default 'test' */
    per?: 'test' | 'describe';
  } = {},
): void {
  const { per = 'test', ...storeOptions } = options;
  let harness: StoreHarness | undefined;
  const setUp = async (): Promise<void> => {
    harness = await create();
    const store = await harness.open(storeOptions);
    await store.migrate();
    ready({ store, harness });
  };
  const tearDown = async (): Promise<void> => {
    await harness?.cleanup();
    harness = undefined;
  };
  if (per === 'describe') {
    beforeAll(setUp);
    afterAll(tearDown);
  } else {
    beforeEach(setUp);
    afterEach(tearDown);
  }
}
