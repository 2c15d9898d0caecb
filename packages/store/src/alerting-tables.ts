import type { Generated, Kysely } from 'kysely';
import type { Database } from './database.ts';

/**
 * Table `alert_rules`: one row per rule. `rule` is the whole rule as JSON (the `AlertRule` of
 * `@taurine/monitor`); `enabled` and `built_in` are copied out of it so they can be filtered on.
 * Booleans are 0/1 integers on both dialects (better-sqlite3 cannot bind booleans).
 */
export interface AlertRuleTable {
  id: string;
  rule: string;
  enabled: number;
  built_in: number;
  updated_at: number;
}

/**
 * Table `alerts`: the latest state of each alert, one row per fingerprint (rule + tag set), never a
 * row per evaluation. `alert` is the evaluator's `Alert` as JSON; the other columns are copies for
 * filtering and ordering. `status` is an alert status or `inactive` (the condition cleared before
 * the alert fired, or its rule went away before it fired).
 */
export interface AlertTable {
  fingerprint: string;
  rule_id: string;
  group_key: string;
  status: string;
  severity: string;
  tags: string;
  value: number | null;
  threshold: number;
  starts_at: number;
  updated_at: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  resolved_at: number | null;
  escalation_level: number;
  alert: string;
}

/** Table `alert_transitions`: every lifecycle step, with who made it and when. Append-only. */
export interface AlertTransitionTable {
  id: Generated<number>;
  fingerprint: string;
  rule_id: string;
  from_status: string;
  to_status: string;
  at: number;
  actor: string;
  value: number | null;
  threshold: number;
  comment: string | null;
}

/** Table `evaluator_state`: one row (`id = 'alerts'`) holding `evaluator.snapshot()` as JSON. */
export interface EvaluatorStateTable {
  id: string;
  state: string;
  updated_at: number;
}

/** Table `silences`: matchers as JSON; times are epoch ms, `ends_at` exclusive. */
export interface SilenceTable {
  id: string;
  matchers: string;
  starts_at: number;
  ends_at: number;
  comment: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/**
 * Table `notification_channels`. `config` is JSON including secrets (webhook URLs, routing keys,
 * SMTP passwords): it never leaves the server unredacted. `source` is `api` for channels managed
 * through GraphQL and `env` for the ones materialised from environment variables, whose stored
 * config holds no secret (the running config comes from the environment at each start).
 */
export interface NotificationChannelTable {
  id: string;
  name: string;
  type: string;
  config: string;
  enabled: number;
  source: string;
  created_at: number;
  updated_at: number;
}

/**
 * Table `notification_outbox`: the durable queue of `@taurine/notify`. Unique on
 * (`channel_name`, `idempotency_key`); `fingerprint` is copied out of the notification so an
 * alert's deliveries can be listed and delivered head of line. `lease_owner` and `seq` (enqueue
 * order) come from migration `005_outbox_order_and_leases`.
 */
export interface NotificationOutboxTable {
  id: string;
  channel_name: string;
  channel_type: string;
  idempotency_key: string;
  fingerprint: string;
  notification: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  lease_owner: string | null;
  seq: Generated<number | null>;
  last_error: string | null;
  response_status: number | null;
  created_at: number;
  sent_at: number | null;
}

/** Table `notification_attempts`: one row per delivery attempt of an outbox item. */
export interface NotificationAttemptTable {
  id: Generated<number>;
  outbox_id: string;
  attempt: number;
  channel_name: string;
  idempotency_key: string;
  started_at: number;
  finished_at: number;
  ok: number;
  retryable: number | null;
  status: number | null;
  reason: string | null;
}

/** The tables of migration `004_alerting` (a type alias: `withTables` needs an index signature). */
export type AlertingTables = {
  alert_rules: AlertRuleTable;
  alerts: AlertTable;
  alert_transitions: AlertTransitionTable;
  evaluator_state: EvaluatorStateTable;
  silences: SilenceTable;
  notification_channels: NotificationChannelTable;
  notification_outbox: NotificationOutboxTable;
  notification_attempts: NotificationAttemptTable;
};

/** The database with the alerting tables; repositories get it through {@link alertingDb}. */
export type AlertingDatabase = Database & AlertingTables;

/**
 * Types `db` with the alerting tables. They are declared here rather than in `Database` so the
 * alerting repositories stay self-contained; the query builder and connections are the same.
 */
export function alertingDb(db: Kysely<Database>): Kysely<AlertingDatabase> {
  return db.withTables<AlertingTables>();
}

/** Booleans are stored as 0/1 on both dialects. */
export const toFlag = (value: boolean): number => (value ? 1 : 0);

/** Reads a 0/1 column (PostgreSQL integer or SQLite integer) as a boolean. */
export const fromFlag = (value: number | null): boolean => value !== null && value !== 0;
