import type { NewOutboxItem } from '@taurine/notify';
import type { Kysely, Selectable } from 'kysely';
import { alertingDb } from './alerting-tables.ts';
import type { Database } from './database.ts';
import { reportDb } from './report-tables.ts';
import type { ReportScheduleTable, ReportTable, ReportTables } from './report-tables.ts';
import { insertOutboxItems } from './sql-outbox-store.ts';
import { assertEpochMs } from './validation.ts';

/** A stored report: its listing fields and the document (`body`, parsed JSON, unchecked). */
export interface StoredReport {
  id: string;
  periodKind: string;
  from: number;
  to: number;
  timeZone: string;
  scopeKind: string;
  scopeInstance: string | null;
  generatedAt: number;
  generatedBy: string;
  scheduleId: string | null;
  dueAt: number | null;
  body: unknown;
}

/** A report schedule. `cron` is a five-field expression read in `timeZone`. */
export interface StoredReportSchedule {
  id: string;
  name: string;
  periodKind: string;
  timeZone: string;
  cron: string;
  scopeKind: string;
  recipients: string[];
  formats: string[];
  slack: boolean;
  enabled: boolean;
  /** The last due time a report was made for; null before the first run. */
  lastDueAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** Where a page of reports starts: after this (generatedAt, id), newest first. */
export interface ReportCursor {
  generatedAt: number;
  id: string;
}

/** Stored reports and their schedules. */
export interface ReportRepository {
  /** Stores a report; resolves false (storing nothing) when its (schedule, due time) exists. */
  insert(report: StoredReport): Promise<boolean>;
  /**
   * One schedule run in ONE transaction: stores the report, enqueues its deliveries and moves the
   * schedule's `lastDueAt`. A run already stored (same schedule and due time) changes nothing, so a
   * run replayed after a restart neither stores nor sends twice. Resolves whether it was new.
   */
  recordScheduledRun(report: StoredReport, outboxItems: readonly NewOutboxItem[]): Promise<boolean>;
  get(id: string): Promise<StoredReport | undefined>;
  /** Newest first, `first` per page (at most 100). */
  list(query?: {
    first?: number | undefined;
    after?: ReportCursor | undefined;
  }): Promise<{ reports: StoredReport[]; hasNextPage: boolean }>;
  listSchedules(): Promise<StoredReportSchedule[]>;
  getSchedule(id: string): Promise<StoredReportSchedule | undefined>;
  /** Inserts or replaces a schedule by id. */
  saveSchedule(schedule: StoredReportSchedule): Promise<void>;
  /** Resolves false when no schedule has that id. */
  deleteSchedule(id: string): Promise<boolean>;
}

const MAX_PAGE = 100;

type ReportDb = Kysely<Database & ReportTables>;

const toReportRow = (report: StoredReport): ReportTable => {
  for (const [what, value] of [
    ['from', report.from],
    ['to', report.to],
    ['generatedAt', report.generatedAt],
  ] as const) {
    assertEpochMs(value, `${what} of report "${report.id}"`);
  }
  return {
    id: report.id,
    period_kind: report.periodKind,
    period_from: report.from,
    period_to: report.to,
    time_zone: report.timeZone,
    scope_kind: report.scopeKind,
    scope_instance: report.scopeInstance,
    generated_at: report.generatedAt,
    generated_by: report.generatedBy,
    schedule_id: report.scheduleId,
    due_at: report.dueAt,
    body: JSON.stringify(report.body),
  };
};

const fromReportRow = (row: Selectable<ReportTable>): StoredReport => ({
  id: row.id,
  periodKind: row.period_kind,
  from: row.period_from,
  to: row.period_to,
  timeZone: row.time_zone,
  scopeKind: row.scope_kind,
  scopeInstance: row.scope_instance,
  generatedAt: row.generated_at,
  generatedBy: row.generated_by,
  scheduleId: row.schedule_id,
  dueAt: row.due_at,
  body: JSON.parse(row.body) as unknown,
});

const toScheduleRow = (schedule: StoredReportSchedule): ReportScheduleTable => ({
  id: schedule.id,
  name: schedule.name,
  period_kind: schedule.periodKind,
  time_zone: schedule.timeZone,
  cron: schedule.cron,
  scope_kind: schedule.scopeKind,
  recipients: JSON.stringify(schedule.recipients),
  formats: JSON.stringify(schedule.formats),
  slack: schedule.slack ? 1 : 0,
  enabled: schedule.enabled ? 1 : 0,
  last_due_at: schedule.lastDueAt,
  created_at: schedule.createdAt,
  updated_at: schedule.updatedAt,
});

const fromScheduleRow = (row: Selectable<ReportScheduleTable>): StoredReportSchedule => ({
  id: row.id,
  name: row.name,
  periodKind: row.period_kind,
  timeZone: row.time_zone,
  cron: row.cron,
  scopeKind: row.scope_kind,
  recipients: JSON.parse(row.recipients) as string[],
  formats: JSON.parse(row.formats) as string[],
  slack: row.slack === 1,
  enabled: row.enabled === 1,
  lastDueAt: row.last_due_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

async function insertReport(db: ReportDb, report: StoredReport): Promise<boolean> {
  const result = await db
    .insertInto('reports')
    .values(toReportRow(report))
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The Kysely implementation of {@link ReportRepository}, for SQLite and PostgreSQL. */
export function createReportRepository(database: Kysely<Database>): ReportRepository {
  const db = reportDb(database);
  return {
    insert: (report) => insertReport(db, report),
    recordScheduledRun(report, outboxItems) {
      return database.transaction().execute(async (base) => {
        const trx = reportDb(base);
        if (!(await insertReport(trx, report))) return false;
        await insertOutboxItems(alertingDb(base), outboxItems);
        if (report.scheduleId !== null && report.dueAt !== null) {
          await trx
            .updateTable('report_schedules')
            .set({ last_due_at: report.dueAt })
            .where('id', '=', report.scheduleId)
            .execute();
        }
        return true;
      });
    },
    async get(id) {
      const row = await db
        .selectFrom('reports')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : fromReportRow(row);
    },
    async list(query = {}) {
      const first = Math.min(Math.max(query.first ?? 20, 1), MAX_PAGE);
      let select = db.selectFrom('reports').selectAll();
      const after = query.after;
      if (after !== undefined) {
        select = select.where((eb) =>
          eb.or([
            eb('generated_at', '<', after.generatedAt),
            eb.and([eb('generated_at', '=', after.generatedAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      const rows = await select
        .orderBy('generated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(first + 1)
        .execute();
      return { reports: rows.slice(0, first).map(fromReportRow), hasNextPage: rows.length > first };
    },
    async listSchedules() {
      const rows = await db
        .selectFrom('report_schedules')
        .selectAll()
        .orderBy('created_at')
        .execute();
      return rows.map(fromScheduleRow);
    },
    async getSchedule(id) {
      const row = await db
        .selectFrom('report_schedules')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : fromScheduleRow(row);
    },
    async saveSchedule(schedule) {
      const row = toScheduleRow(schedule);
      const { id: _id, created_at: _created, ...changes } = row;
      await db
        .insertInto('report_schedules')
        .values(row)
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
        .execute();
    },
    async deleteSchedule(id) {
      const result = await db
        .deleteFrom('report_schedules')
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
