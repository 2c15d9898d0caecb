import type { StoredReportSchedule } from '@taurine/store';
import { valueOrError } from '../alerting/alerting-results.ts';
import type { AlertingFailure } from '../alerting/alerting-results.ts';
import type { ScheduleInput } from '../reports/report-schedules.ts';
import { nextDueTime } from '../reports/report-scheduler.ts';
import { builder } from './builder.ts';
import { DeletionRef } from './deletion.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { ReportFormatEnum, ReportPeriodEnum, ReportScopeEnum } from './report-parts.ts';
import { ValidationErrorRef } from './validation-error.ts';

type SchedulePeriod = 'day' | 'week' | 'month';

export const ReportScheduleRef = builder
  .objectRef<StoredReportSchedule>('ReportSchedule')
  .implement({
    description:
      'Makes a report when `cron` (five fields, read in `timeZone`) comes due, for the period that ended last, and sends it by email (attached in `formats`) and, with `slack`, a summary with a link to Slack.',
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      period: t.field({ type: ReportPeriodEnum, resolve: (s) => s.periodKind as SchedulePeriod }),
      timeZone: t.exposeString('timeZone'),
      cron: t.exposeString('cron'),
      scope: t.field({
        type: ReportScopeEnum,
        resolve: (s) => (s.scopeKind === 'instance' ? 'instance' : 'cluster'),
      }),
      recipients: t.exposeStringList('recipients'),
      formats: t.field({
        type: [ReportFormatEnum],
        resolve: (s) => s.formats as ('pdf' | 'csv' | 'json')[],
      }),
      slack: t.exposeBoolean('slack'),
      enabled: t.exposeBoolean('enabled'),
      lastRunAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'The due time of the last report made (null before the first).',
        resolve: (s) =>
          s.lastDueAt === null || s.lastDueAt === s.createdAt ? null : new Date(s.lastDueAt),
      }),
      nextRunAt: t.field({
        type: 'DateTime',
        nullable: true,
        resolve: (s) => {
          const next = nextDueTime(s);
          return next === null ? null : new Date(next);
        },
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.createdAt) }),
      updatedAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.updatedAt) }),
    }),
  });

const scheduleInput = (create: boolean) =>
  builder.inputType(create ? 'ReportScheduleInput' : 'ReportSchedulePatch', {
    fields: (t) => ({
      name: t.string({ required: create }),
      period: t.field({
        type: ReportPeriodEnum,
        required: create,
        description: 'DAY, WEEK or MONTH.',
      }),
      timeZone: t.string({ required: false, description: 'IANA zone. Default UTC.' }),
      cron: t.string({
        required: false,
        description: 'Default: 00:05 daily, 00:10 on Mondays, 00:15 on the 1st (in the time zone).',
      }),
      scope: t.field({ type: ReportScopeEnum, required: false, description: 'Default CLUSTER.' }),
      recipients: t.stringList({ required: false }),
      formats: t.field({
        type: [ReportFormatEnum],
        required: false,
        description: 'Default [PDF].',
      }),
      slack: t.boolean({ required: false }),
      enabled: t.boolean({ required: false }),
    }),
  });

const ScheduleInputRef = scheduleInput(true);
const SchedulePatchRef = scheduleInput(false);

/** GraphQL's nulls (a field sent as null) read as "not given". */
type Nullable<T> = { [K in keyof T]?: T[K] | null };

const toInput = (input: Nullable<Required<ScheduleInput>>): ScheduleInput => ({
  name: input.name ?? undefined,
  period: input.period ?? undefined,
  timeZone: input.timeZone ?? undefined,
  cron: input.cron ?? undefined,
  scope: input.scope ?? undefined,
  recipients: input.recipients ?? undefined,
  formats: input.formats ?? undefined,
  slack: input.slack ?? undefined,
  enabled: input.enabled ?? undefined,
});

type ScheduleFailure = Exclude<AlertingFailure, { kind: 'alert-action-error' }>;

const ReportScheduleResultRef = builder.unionType('ReportScheduleResult', {
  types: [ReportScheduleRef, ValidationErrorRef, NotFoundErrorRef],
  resolveType: (value) => {
    const kind = (value as { kind?: string }).kind;
    if (kind === undefined) return ReportScheduleRef;
    return kind === 'not-found' ? NotFoundErrorRef : ValidationErrorRef;
  },
});

const DeleteReportScheduleResultRef = builder.unionType('DeleteReportScheduleResult', {
  types: [DeletionRef, NotFoundErrorRef],
  resolveType: (value) =>
    (value as { kind?: string }).kind === undefined ? DeletionRef : NotFoundErrorRef,
});

/** Role: admin (schedules hold recipients' addresses). */
builder.queryField('reportSchedules', (t) =>
  t.field({
    authScopes: { admin: true },
    type: [ReportScheduleRef],
    resolve: (_root, _args, { services }) => services.reportSchedules.list(),
  }),
);

/** Role: admin. */
builder.mutationField('createReportSchedule', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ReportScheduleResultRef,
    description: 'The first report is made at the first due time after now.',
    args: { input: t.arg({ type: ScheduleInputRef, required: true }) },
    resolve: async (_root, { input }, { services }) =>
      valueOrError(await services.reportSchedules.create(toInput(input), Date.now())) as
        StoredReportSchedule | ScheduleFailure,
  }),
);

/** Role: admin. */
builder.mutationField('updateReportSchedule', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ReportScheduleResultRef,
    description: 'Changes the given fields.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: SchedulePatchRef, required: true }),
    },
    resolve: async (_root, { id, input }, { services }) =>
      valueOrError(await services.reportSchedules.update(id, toInput(input), Date.now())) as
        StoredReportSchedule | ScheduleFailure,
  }),
);

/** Role: admin. */
builder.mutationField('deleteReportSchedule', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DeleteReportScheduleResultRef,
    description: 'Stops the schedule; the reports it made stay.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services }) =>
      valueOrError(await services.reportSchedules.remove(id)) as
        { id: string } | Extract<AlertingFailure, { kind: 'not-found' }>,
  }),
);
