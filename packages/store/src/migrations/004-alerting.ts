import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `004_alerting`: alert rules, alerts and their transitions, the evaluator's state, silences,
 * notification channels, and the notification outbox with its attempts log. The same DDL on both
 * dialects; `if not exists` everywhere because SQLite runs migrations outside a transaction, so a
 * half-applied run must be able to run again.
 */
export function alertingMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alert_rules')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('rule', types.json, (column) => column.notNull())
        .addColumn('enabled', 'integer', (column) => column.notNull())
        .addColumn('built_in', 'integer', (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('alerts')
        .ifNotExists()
        .addColumn('fingerprint', 'text', (column) => column.primaryKey())
        .addColumn('rule_id', 'text', (column) => column.notNull())
        .addColumn('group_key', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('severity', 'text', (column) => column.notNull())
        .addColumn('tags', types.json, (column) => column.notNull())
        .addColumn('value', types.double)
        .addColumn('threshold', types.double, (column) => column.notNull())
        .addColumn('starts_at', types.epochMs, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .addColumn('acknowledged_by', 'text')
        .addColumn('acknowledged_at', types.epochMs)
        .addColumn('resolved_at', types.epochMs)
        .addColumn('escalation_level', 'integer', (column) => column.notNull())
        .addColumn('alert', types.json, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('alerts_starts_at_idx')
        .ifNotExists()
        .on('alerts')
        .columns(['starts_at', 'fingerprint'])
        .execute();
      await db.schema
        .createIndex('alerts_status_idx')
        .ifNotExists()
        .on('alerts')
        .columns(['status'])
        .execute();

      await db.schema
        .createTable('alert_transitions')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('rule_id', 'text', (column) => column.notNull())
        .addColumn('from_status', 'text', (column) => column.notNull())
        .addColumn('to_status', 'text', (column) => column.notNull())
        .addColumn('at', types.epochMs, (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('value', types.double)
        .addColumn('threshold', types.double, (column) => column.notNull())
        .addColumn('comment', 'text')
        .execute();
      await db.schema
        .createIndex('alert_transitions_fingerprint_at_idx')
        .ifNotExists()
        .on('alert_transitions')
        .columns(['fingerprint', 'at'])
        .execute();

      await db.schema
        .createTable('evaluator_state')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('state', types.json, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('silences')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('matchers', types.json, (column) => column.notNull())
        .addColumn('starts_at', types.epochMs, (column) => column.notNull())
        .addColumn('ends_at', types.epochMs, (column) => column.notNull())
        .addColumn('comment', 'text', (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull())
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('notification_channels')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull().unique())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('config', types.json, (column) => column.notNull())
        .addColumn('enabled', 'integer', (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('notification_outbox')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('channel_name', 'text', (column) => column.notNull())
        .addColumn('channel_type', 'text', (column) => column.notNull())
        .addColumn('idempotency_key', 'text', (column) => column.notNull())
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('notification', types.json, (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('attempts', 'integer', (column) => column.notNull())
        .addColumn('next_attempt_at', types.epochMs, (column) => column.notNull())
        .addColumn('lease_until', types.epochMs)
        .addColumn('last_error', 'text')
        .addColumn('response_status', 'integer')
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .addColumn('sent_at', types.epochMs)
        .execute();
      await db.schema
        .createIndex('notification_outbox_channel_key_idx')
        .ifNotExists()
        .unique()
        .on('notification_outbox')
        .columns(['channel_name', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('notification_outbox_due_idx')
        .ifNotExists()
        .on('notification_outbox')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('notification_outbox_fingerprint_idx')
        .ifNotExists()
        .on('notification_outbox')
        .columns(['fingerprint', 'created_at'])
        .execute();
      await db.schema
        .createIndex('notification_outbox_created_at_idx')
        .ifNotExists()
        .on('notification_outbox')
        .columns(['created_at'])
        .execute();

      await db.schema
        .createTable('notification_attempts')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('outbox_id', 'text', (column) =>
          column.notNull().references('notification_outbox.id').onDelete('cascade'),
        )
        .addColumn('attempt', 'integer', (column) => column.notNull())
        .addColumn('channel_name', 'text', (column) => column.notNull())
        .addColumn('idempotency_key', 'text', (column) => column.notNull())
        .addColumn('started_at', types.epochMs, (column) => column.notNull())
        .addColumn('finished_at', types.epochMs, (column) => column.notNull())
        .addColumn('ok', 'integer', (column) => column.notNull())
        .addColumn('retryable', 'integer')
        .addColumn('status', 'integer')
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createIndex('notification_attempts_outbox_idx')
        .ifNotExists()
        .on('notification_attempts')
        .columns(['outbox_id', 'attempt'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'notification_attempts',
        'notification_outbox',
        'notification_channels',
        'silences',
        'evaluator_state',
        'alert_transitions',
        'alerts',
        'alert_rules',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
