import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../dialect.ts';
import { calculatorEventsMigration } from './001-calculator-events.ts';
import { metricRollupsMigration } from './002-metric-rollups.ts';
import { accessMigration } from './003-access.ts';
import { alertingMigration } from './004-alerting.ts';
import { outboxOrderAndLeasesMigration } from './005-outbox-order-and-leases.ts';
import { insightMigration } from './007-insight.ts';
import { reportsMigration } from './008-reports.ts';
import { automaticResponsesMigration } from './009-automatic-responses.ts';
import { loadTestRunsMigration } from './010-load-test-runs.ts';
import { dashboardsMigration } from './011-dashboards.ts';

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
    '007_insight': insightMigration(dialect),
    '008_reports': reportsMigration(dialect),
    '009_automatic_responses': automaticResponsesMigration(dialect),
    '010_load_test_runs': loadTestRunsMigration(dialect),
    '011_dashboards': dashboardsMigration(dialect),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
