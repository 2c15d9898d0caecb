import type { Kysely } from 'kysely';
import type { AlertingTables } from './alerting-tables.ts';
import type { Database } from './database.ts';

/** Table `reports`: one stored report, its document in `body` (JSON). Times are epoch ms. */
export interface ReportTable {
  id: string;
  period_kind: string;
  period_from: number;
  period_to: number;
  time_zone: string;
  scope_kind: string;
  scope_instance: string | null;
  generated_at: number;
  /** `schedule:<id>`, or the API key / user that asked for it. */
  generated_by: string;
  schedule_id: string | null;
  /** The schedule's due time this report answers; unique with `schedule_id`. */
  due_at: number | null;
  body: string;
}

/** Table `report_schedules`: when to make which report and where to send it. */
export interface ReportScheduleTable {
  id: string;
  name: string;
  period_kind: string;
  time_zone: string;
  cron: string;
  scope_kind: string;
  /** JSON array of email addresses. */
  recipients: string;
  /** JSON array of formats attached (`pdf`, `csv`, `json`). */
  formats: string;
  slack: number;
  enabled: number;
  last_due_at: number | null;
  created_at: number;
  updated_at: number;
}

/** The tables of migration `008_reports`, with the outbox the schedule runs write to. */
export type ReportTables = AlertingTables & {
  reports: ReportTable;
  report_schedules: ReportScheduleTable;
};

/** Types `db` with the report tables (and the alerting ones: a run enqueues into the outbox). */
export function reportDb(db: Kysely<Database>): Kysely<Database & ReportTables> {
  return db.withTables<ReportTables>();
}
