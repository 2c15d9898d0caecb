import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Alert,
  AlertEvaluatorState,
  AlertStatus,
  AlertTransition,
  AlertTransitionState,
  Severity,
} from '@taurine/monitor';
import type { NewOutboxItem } from '@taurine/notify';
import { alertingDb } from './alerting-tables.ts';
import type { AlertTable, AlertTransitionTable, AlertingDatabase } from './alerting-tables.ts';
import type { Database } from './database.ts';
import { StoreError } from './errors.ts';
import { insertOutboxItems } from './sql-outbox-store.ts';
import { assertEpochMs } from './validation.ts';

/** An alert row's status: an alert status, or `inactive` when it cleared before firing. */
export type AlertRecordStatus = AlertStatus | 'inactive';

/**
 * The stored state of one alert (one per fingerprint). `alert` is the evaluator's copy; `status`
 * wins over `alert.status` (they differ only for `inactive`).
 */
export interface AlertRecord {
  status: AlertRecordStatus;
  /** When the row was last written, epoch ms. */
  updatedAt: number;
  alert: Alert;
}

/** A stored lifecycle step. */
export interface StoredTransition extends AlertTransition {
  id: number;
}

/** Filter and page of {@link AlertRepository.list}: newest episode first. */
export interface ListAlertsQuery {
  /** @default every status */
  statuses?: readonly AlertRecordStatus[] | undefined;
  /** @default every severity */
  severities?: readonly Severity[] | undefined;
  /** Page size. @default 20 */
  first?: number | undefined;
  /** Cursor of the last record of the previous page (see {@link alertCursor}). */
  after?: AlertCursor | undefined;
}

/** Where a page of alerts starts: after this (startsAt, fingerprint) in newest-first order. */
export interface AlertCursor {
  startsAt: number;
  fingerprint: string;
}

/** One page of alerts. */
export interface AlertPage {
  records: AlertRecord[];
  hasNextPage: boolean;
  /** Matches across all pages. */
  totalCount: number;
}

/** Alerts, their transitions and the evaluator's state. */
export interface AlertRepository {
  /**
   * Writes the alert rows (upsert by fingerprint), appends the transitions, enqueues the outbox
   * items (skipping ones already queued) and, when given, replaces the evaluator state, all in ONE
   * transaction: a notification is never queued without its transition, nor a transition stored
   * without its notification. Resolves to the number of outbox items inserted.
   */
  recordTransitions(
    transitions: readonly AlertTransition[],
    alerts: readonly AlertRecord[],
    outboxItems: readonly NewOutboxItem[],
    evaluatorState?: AlertEvaluatorState,
  ): Promise<{ outboxInserted: number }>;
  /** Replaces the evaluator state on its own (e.g. after an evaluation without transitions). */
  saveEvaluatorState(state: AlertEvaluatorState, at: number): Promise<void>;
  /** The last saved evaluator state as parsed JSON (unchecked), or undefined when none. */
  loadEvaluatorState(): Promise<unknown>;
  get(fingerprint: string): Promise<AlertRecord | undefined>;
  list(query?: ListAlertsQuery): Promise<AlertPage>;
  /** Transitions of one alert, oldest first. */
  transitions(fingerprint: string, limit?: number): Promise<StoredTransition[]>;
}

const EVALUATOR_STATE_ID = 'alerts';

/** The Kysely implementation of {@link AlertRepository}, for SQLite and PostgreSQL. */
export function createAlertRepository(db: Kysely<Database>): AlertRepository {
  const adb = alertingDb(db);
  return {
    recordTransitions: (transitions, alerts, outboxItems, evaluatorState) =>
      recordTransitions(adb, transitions, alerts, outboxItems, evaluatorState),

    async saveEvaluatorState(state, at) {
      assertEpochMs(at, 'at');
      await saveEvaluatorState(adb, state, at);
    },

    async loadEvaluatorState() {
      const row = await adb
        .selectFrom('evaluator_state')
        .select('state')
        .where('id', '=', EVALUATOR_STATE_ID)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.state) as unknown);
    },

    async get(fingerprint) {
      const row = await adb
        .selectFrom('alerts')
        .selectAll()
        .where('fingerprint', '=', fingerprint)
        .executeTakeFirst();
      return row === undefined ? undefined : toAlertRecord(row);
    },

    list: (query = {}) => listAlerts(adb, query),

    async transitions(fingerprint, limit = 500) {
      const rows = await adb
        .selectFrom('alert_transitions')
        .selectAll()
        .where('fingerprint', '=', fingerprint)
        .orderBy('at')
        .orderBy('id')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.map(toTransition);
    },
  };
}

/** {@link AlertRepository.recordTransitions}: every write in one transaction. */
async function recordTransitions(
  db: Kysely<AlertingDatabase>,
  transitions: readonly AlertTransition[],
  alerts: readonly AlertRecord[],
  outboxItems: readonly NewOutboxItem[],
  evaluatorState: AlertEvaluatorState | undefined,
): Promise<{ outboxInserted: number }> {
  const alertRows = alerts.map(toAlertRow);
  const transitionRows = transitions.map(toTransitionRow);
  const at = Math.max(0, ...alertRows.map((row) => row.updated_at));
  return db.transaction().execute(async (trx) => {
    for (const row of alertRows) await upsertAlertRow(trx, row);
    if (transitionRows.length > 0) {
      await trx.insertInto('alert_transitions').values(transitionRows).execute();
    }
    const outboxInserted = await insertOutboxItems(trx, outboxItems);
    if (evaluatorState !== undefined) {
      const stateAt = Math.max(at, ...transitions.map((transition) => transition.at));
      await saveEvaluatorState(trx, evaluatorState, stateAt);
    }
    return { outboxInserted };
  });
}

/** Inserts an alert row or replaces the stored one of its fingerprint. */
async function upsertAlertRow(
  db: Kysely<AlertingDatabase>,
  row: Insertable<AlertTable>,
): Promise<void> {
  await db
    .insertInto('alerts')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('fingerprint').doUpdateSet((eb) => ({
        rule_id: eb.ref('excluded.rule_id'),
        group_key: eb.ref('excluded.group_key'),
        status: eb.ref('excluded.status'),
        severity: eb.ref('excluded.severity'),
        tags: eb.ref('excluded.tags'),
        value: eb.ref('excluded.value'),
        threshold: eb.ref('excluded.threshold'),
        starts_at: eb.ref('excluded.starts_at'),
        updated_at: eb.ref('excluded.updated_at'),
        acknowledged_by: eb.ref('excluded.acknowledged_by'),
        acknowledged_at: eb.ref('excluded.acknowledged_at'),
        resolved_at: eb.ref('excluded.resolved_at'),
        escalation_level: eb.ref('excluded.escalation_level'),
        alert: eb.ref('excluded.alert'),
      })),
    )
    .execute();
}

async function saveEvaluatorState(
  db: Kysely<AlertingDatabase>,
  state: AlertEvaluatorState,
  at: number,
): Promise<void> {
  await db
    .insertInto('evaluator_state')
    .values({ id: EVALUATOR_STATE_ID, state: JSON.stringify(state), updated_at: at })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** {@link AlertRepository.list}: the page after `query.after`, newest episode first. */
async function listAlerts(
  db: Kysely<AlertingDatabase>,
  query: ListAlertsQuery,
): Promise<AlertPage> {
  const first = Math.max(0, Math.floor(query.first ?? 20));
  let base = db.selectFrom('alerts');
  if (query.statuses !== undefined && query.statuses.length > 0) {
    base = base.where('status', 'in', [...query.statuses]);
  }
  if (query.severities !== undefined && query.severities.length > 0) {
    base = base.where('severity', 'in', [...query.severities]);
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  let page = base.selectAll();
  const after = query.after;
  if (after !== undefined) {
    page = page.where((eb) =>
      eb.or([
        eb('starts_at', '<', after.startsAt),
        eb.and([eb('starts_at', '=', after.startsAt), eb('fingerprint', '>', after.fingerprint)]),
      ]),
    );
  }
  const rows = await page
    .orderBy('starts_at', 'desc')
    .orderBy('fingerprint')
    .limit(first + 1)
    .execute();
  return {
    records: rows.slice(0, first).map(toAlertRecord),
    hasNextPage: rows.length > first,
    totalCount: total,
  };
}

/** The cursor of a record, for {@link ListAlertsQuery.after}. */
export function alertCursor(record: AlertRecord): AlertCursor {
  return { startsAt: record.alert.startsAt, fingerprint: record.alert.fingerprint };
}

function toAlertRow(record: AlertRecord): Insertable<AlertTable> {
  const { alert } = record;
  const where = `alert "${alert.fingerprint}"`;
  assertEpochMs(record.updatedAt, `updatedAt of ${where}`);
  assertEpochMs(alert.startsAt, `startsAt of ${where}`);
  if (alert.value !== null && !Number.isFinite(alert.value)) {
    throw new StoreError('INVALID_ARGUMENT', `value of ${where} must be finite or null`);
  }
  return {
    fingerprint: alert.fingerprint,
    rule_id: alert.ruleId,
    group_key: alert.groupKey,
    status: record.status,
    severity: alert.severity,
    tags: JSON.stringify(alert.tags),
    value: alert.value,
    threshold: alert.threshold,
    starts_at: alert.startsAt,
    updated_at: record.updatedAt,
    acknowledged_by: alert.acknowledgedBy,
    acknowledged_at: alert.acknowledgedAt,
    resolved_at: alert.resolvedAt,
    escalation_level: alert.escalationLevel,
    alert: JSON.stringify(alert),
  };
}

function toAlertRecord(row: Selectable<AlertTable>): AlertRecord {
  return {
    status: row.status as AlertRecordStatus,
    updatedAt: row.updated_at,
    alert: JSON.parse(row.alert) as Alert,
  };
}

function toTransitionRow(transition: AlertTransition): Insertable<AlertTransitionTable> {
  assertEpochMs(transition.at, `at of a transition of alert "${transition.fingerprint}"`);
  return {
    fingerprint: transition.fingerprint,
    rule_id: transition.ruleId,
    from_status: transition.from,
    to_status: transition.to,
    at: transition.at,
    actor: transition.actor,
    value: transition.value !== null && Number.isFinite(transition.value) ? transition.value : null,
    threshold: transition.threshold,
    comment: transition.comment ?? null,
  };
}

function toTransition(row: Selectable<AlertTransitionTable>): StoredTransition {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    from: row.from_status as AlertTransitionState,
    to: row.to_status as AlertTransitionState,
    at: row.at,
    actor: row.actor,
    value: row.value === null ? null : row.value,
    threshold: row.threshold,
    ...(row.comment === null ? {} : { comment: row.comment }),
  };
}
