import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../dialect.ts';
import { calculatorEventsMigration } from './001-calculator-events.ts';
import { metricRollupsMigration } from './002-metric-rollups.ts';
import { accessMigration } from './003-access.ts';
import { alertingMigration } from './004-alerting.ts';
import { outboxOrderAndLeasesMigration } from './005-outbox-order-and-leases.ts';
import { automaticResponsesMigration } from './009-automatic-responses.ts';

/**
 * All migrations, in code rather than read from disk, so they ship inside any bundle. Kysely
 * applies them in name order; never rename or edit one that has shipped, add a new one.
 */
export function createMigrationProvider(dialect: SqlDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_calculator_events': calculatorEventsMigration(dialect),
    '002_metric_rollups': metricRollupsMigration(dialect),
    '003_access': accessMigration(dialect),
    '004_alerting': alertingMigration(dialect),
    '005_outbox_order_and_leases': outboxOrderAndLeasesMigration(dialect),
    '009_automatic_responses': automaticResponsesMigration(dialect),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
