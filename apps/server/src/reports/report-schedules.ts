import { randomUUID } from 'node:crypto';
import { isValidTimeZone } from '@taurine/monitor';
import type { Store, StoredReportSchedule } from '@taurine/store';
import { Cron } from 'croner';
import { invalid, notFound, succeeded } from '../alerting/alerting-results.ts';
import type { AlertingResult, FieldProblem } from '../alerting/alerting-results.ts';
import { REPORT_FORMATS } from './report-email.ts';

/** Periods a schedule can make (a custom range has no next occurrence). */
export const SCHEDULE_PERIODS = ['day', 'week', 'month'] as const;
export type SchedulePeriod = (typeof SCHEDULE_PERIODS)[number];

/** When each period's report is made by default: just after the period ends, local time. */
export const DEFAULT_SCHEDULE_CRON: Readonly<Record<SchedulePeriod, string>> = {
  day: '5 0 * * *',
  week: '10 0 * * 1',
  month: '15 0 1 * *',
};

/** The default cron of `period`, or undefined for a period schedules do not take. */
export const defaultCron = (period: string): string | undefined =>
  Object.hasOwn(DEFAULT_SCHEDULE_CRON, period)
    ? DEFAULT_SCHEDULE_CRON[period as SchedulePeriod]
    : undefined;

/** Most recipients of one schedule. */
export const MAX_RECIPIENTS = 20;

/** A schedule's fields as a client sends them; omitted ones keep their value (or default). */
export interface ScheduleInput {
  name?: string | undefined;
  period?: string | undefined;
  timeZone?: string | undefined;
  cron?: string | undefined;
  scope?: string | undefined;
  recipients?: readonly string[] | undefined;
  formats?: readonly string[] | undefined;
  slack?: boolean | undefined;
  enabled?: boolean | undefined;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Croner's reading of `cron` in `timeZone`, or the reason it cannot be read. */
export function parseCron(cron: string, timeZone: string): Cron | string {
  try {
    return new Cron(cron, { timezone: timeZone, paused: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Every problem of a complete schedule, field by field. */
export function scheduleProblems(schedule: StoredReportSchedule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) =>
    problems.push({ field, code, message });
  if (schedule.name.trim() === '' || schedule.name.length > 100) {
    add('name', 'invalid-length', 'name must be 1 to 100 characters');
  }
  if (!(SCHEDULE_PERIODS as readonly string[]).includes(schedule.periodKind)) {
    add('period', 'invalid-value', 'period must be DAY, WEEK or MONTH');
  }
  if (!isValidTimeZone(schedule.timeZone)) {
    add('timeZone', 'invalid-value', `unknown time zone "${schedule.timeZone.slice(0, 100)}"`);
  } else {
    const cron = parseCron(schedule.cron, schedule.timeZone);
    if (typeof cron === 'string') add('cron', 'invalid-format', `cron: ${cron.slice(0, 200)}`);
  }
  if (schedule.scopeKind !== 'cluster' && schedule.scopeKind !== 'instance') {
    add('scope', 'invalid-value', 'scope must be CLUSTER or INSTANCE');
  }
  if (schedule.recipients.length > MAX_RECIPIENTS) {
    add('recipients', 'too-many', `at most ${MAX_RECIPIENTS} recipients`);
  }
  schedule.recipients.forEach((address, index) => {
    if (!EMAIL.test(address) || address.length > 254) {
      add(`recipients.${index}`, 'invalid-format', 'not an email address');
    }
  });
  if (schedule.recipients.length === 0 && !schedule.slack) {
    add('recipients', 'required', 'give at least one recipient, or send to Slack');
  }
  if (schedule.formats.length === 0) add('formats', 'required', 'choose at least one format');
  schedule.formats.forEach((format, index) => {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      add(`formats.${index}`, 'invalid-value', 'format must be PDF, CSV or JSON');
    }
  });
  return problems;
}

/** Report schedules: validated, stored, listed. */
export interface ReportSchedules {
  list(): Promise<StoredReportSchedule[]>;
  create(input: ScheduleInput, now: number): Promise<AlertingResult<StoredReportSchedule>>;
  update(
    id: string,
    input: ScheduleInput,
    now: number,
  ): Promise<AlertingResult<StoredReportSchedule>>;
  remove(id: string): Promise<AlertingResult<{ id: string }>>;
}

function merged(
  base: StoredReportSchedule,
  input: ScheduleInput,
  now: number,
): StoredReportSchedule {
  const period = input.period ?? base.periodKind;
  const periodChanged = input.period !== undefined && input.period !== base.periodKind;
  return {
    ...base,
    name: input.name ?? base.name,
    periodKind: period,
    timeZone: input.timeZone ?? base.timeZone,
    // A new period brings its own default time unless a cron is given.
    cron: input.cron ?? (periodChanged ? (defaultCron(period) ?? base.cron) : base.cron),
    scopeKind: input.scope ?? base.scopeKind,
    recipients:
      input.recipients === undefined ? base.recipients : input.recipients.map((r) => r.trim()),
    formats: input.formats === undefined ? base.formats : [...new Set(input.formats)],
    slack: input.slack ?? base.slack,
    enabled: input.enabled ?? base.enabled,
    updatedAt: now,
  };
}

/** Creates the schedule manager over the store. */
export function createReportSchedules(
  store: Store,
  createId: () => string = randomUUID,
): ReportSchedules {
  return {
    list: () => store.reports.listSchedules(),
    async create(input, now) {
      const period = input.period ?? 'day';
      const schedule = merged(
        {
          id: createId(),
          name: '',
          periodKind: period,
          timeZone: 'UTC',
          cron: defaultCron(period) ?? DEFAULT_SCHEDULE_CRON.day,
          scopeKind: 'cluster',
          recipients: [],
          formats: ['pdf'],
          slack: false,
          enabled: true,
          // The first run is the first due time after creation, not a backlog.
          lastDueAt: now,
          createdAt: now,
          updatedAt: now,
        },
        input,
        now,
      );
      const problems = scheduleProblems(schedule);
      if (problems.length > 0) return invalid(problems);
      await store.reports.saveSchedule(schedule);
      return succeeded(schedule);
    },
    async update(id, input, now) {
      const existing = await store.reports.getSchedule(id);
      if (existing === undefined) return notFound('report schedule', id);
      const schedule = merged(existing, input, now);
      const problems = scheduleProblems(schedule);
      if (problems.length > 0) return invalid(problems);
      await store.reports.saveSchedule(schedule);
      return succeeded(schedule);
    },
    async remove(id) {
      return (await store.reports.deleteSchedule(id))
        ? succeeded({ id })
        : notFound('report schedule', id);
    },
  };
}
