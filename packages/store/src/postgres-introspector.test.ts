import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from './dialect.ts';
import { createPostgresHarness, TEST_DATABASE_URL } from './testing/store-harness.ts';
import type { StoreHarness } from './testing/store-harness.ts';

describe('PostgreSQL introspection', () => {
  const harnesses: StoreHarness[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((harness) => harness.cleanup()));
  });

  /** A migrated store in a fresh schema, and a second Kysely handle on that schema. */
  async function migratedSchema() {
    const harness = createPostgresHarness();
    harnesses.push(harness);
    const store = await harness.open();
    await store.migrate();
    return {
      schema: harness.schema,
      db: await openPostgres(new URL(TEST_DATABASE_URL), harness.schema),
    };
  }

  // Kysely's own introspector read every schema and called has_schema_privilege() with each one's
  // name, so a schema another client dropped mid-query failed this store's migrations (seen in
  // CI: `schema "store_test_…" does not exist` while parallel suites dropped theirs).
  it("sees its own schema's tables only, other deployments' tables in the same database never", async () => {
    const ours = await migratedSchema();
    const theirs = await migratedSchema();
    try {
      await sql`create table only_theirs (id integer primary key)`.execute(theirs.db);

      const tables = await ours.db.introspection.getTables();
      expect(tables.length).toBeGreaterThan(0);
      expect(new Set(tables.map((table) => table.schema))).toEqual(new Set([ours.schema]));
      expect(tables.map((table) => table.name)).not.toContain('only_theirs');
      // The migrator's own tables appear only when asked for.
      expect(tables.map((table) => table.name)).not.toContain('kysely_migration');
      const internal = await ours.db.introspection.getTables({ withInternalKyselyTables: true });
      expect(internal.map((table) => table.name)).toContain('kysely_migration');

      const events = tables.find((table) => table.name === 'calculator_events');
      const id = events?.columns.find((column) => column.name === 'id');
      expect(id).toMatchObject({ isNullable: false, isAutoIncrementing: true });
    } finally {
      await ours.db.destroy();
      await theirs.db.destroy();
    }
  });
});
