import type { Report } from '@taurine/monitor';
import { GraphQLError } from 'graphql';
import { alertingActorName } from '../alerting/actor.ts';
import { ReportQueryError, encodeReportCursor } from '../reports/report-service.ts';
import type { ReportQuery, ReportRecord } from '../reports/report-service.ts';
import { builder } from './builder.ts';
import { TimeRangeInput, rangeOf } from './metric.ts';
import {
  ReportAlertsRef,
  ReportBudgetRef,
  ReportFigureRef,
  ReportOperationRef,
  ReportPeriodEnum,
  ReportPeriodRangeRef,
  ReportPointRef,
  ReportRegressionRef,
  ReportScopeEnum,
  ReportSuggestionRef,
} from './report-parts.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';
import type { ValidationErrorShape } from './validation-error.ts';

/** A report as the schema shows it: stored ones have an id and download links. */
interface ReportView {
  id: string | null;
  generatedBy: string | null;
  report: Report;
}

const downloadUrl = (view: ReportView, format: string) =>
  view.id === null ? null : `/reports/${view.id}.${format}`;

export const ReportRef = builder.objectRef<ReportView>('Report').implement({
  description:
    'A daily, weekly, monthly or custom report: summary figures compared with the previous period, the slowest operations, alerts, budgets, charts and recommendations. Every figure comes from the statistics `stats` answers over the same range.',
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: 'Null for a report built on the fly by `report`.',
      resolve: (v) => v.id,
    }),
    generatedAt: t.field({ type: 'DateTime', resolve: (v) => new Date(v.report.generatedAt) }),
    generatedBy: t.string({ nullable: true, resolve: (v) => v.generatedBy }),
    period: t.field({ type: ReportPeriodRangeRef, resolve: (v) => v.report.period }),
    scope: t.field({ type: ReportScopeEnum, resolve: (v) => v.report.scope.kind }),
    instanceId: t.string({ nullable: true, resolve: (v) => v.report.scope.instanceId }),
    headline: t.string({ resolve: (v) => v.report.headline }),
    figures: t.field({ type: [ReportFigureRef], resolve: (v) => v.report.figures }),
    slowestOperations: t.field({
      type: [ReportOperationRef],
      resolve: (v) => v.report.slowestOperations,
    }),
    alerts: t.field({ type: ReportAlertsRef, resolve: (v) => v.report.alerts }),
    budgets: t.field({ type: [ReportBudgetRef], resolve: (v) => v.report.budgets }),
    chartStepSeconds: t.int({ resolve: (v) => v.report.charts.stepMs / 1000 }),
    requestsPerStep: t.field({
      type: [ReportPointRef],
      resolve: (v) => v.report.charts.requestsPerStep,
    }),
    responseTimeP95: t.field({
      type: [ReportPointRef],
      resolve: (v) => v.report.charts.responseTimeP95,
    }),
    regressions: t.field({
      type: [ReportRegressionRef],
      description:
        'Regressions open at some point of the period (insight, as this instance remembers them since its start).',
      resolve: (v) => v.report.regressions,
    }),
    suggestions: t.field({
      type: [ReportSuggestionRef],
      description: 'Optimisation suggestions when the report was made.',
      resolve: (v) => v.report.suggestions,
    }),
    recommendations: t.stringList({
      description: 'The recommended actions of the rules that fired and the budgets missed.',
      resolve: (v) => v.report.recommendations,
    }),
    jsonUrl: t.string({ nullable: true, resolve: (v) => downloadUrl(v, 'json') }),
    csvUrl: t.string({ nullable: true, resolve: (v) => downloadUrl(v, 'csv') }),
    pdfUrl: t.string({ nullable: true, resolve: (v) => downloadUrl(v, 'pdf') }),
  }),
});

const ReportEdgeRef = builder.objectRef<ReportRecord>('ReportEdge').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: encodeReportCursor }),
    node: t.field({ type: ReportRef, resolve: (r) => r }),
  }),
});

const ReportConnectionRef = builder
  .objectRef<{ records: ReportRecord[]; hasNextPage: boolean }>('ReportConnection')
  .implement({
    fields: (t) => ({
      edges: t.field({ type: [ReportEdgeRef], resolve: (c) => c.records }),
      hasNextPage: t.exposeBoolean('hasNextPage'),
      endCursor: t.string({
        nullable: true,
        resolve: (c) => (c.records.length === 0 ? null : encodeReportCursor(c.records.at(-1)!)),
      }),
    }),
  });

interface ReportArgs {
  period: ReportQuery['period'];
  at?: Date | null | undefined;
  timeZone?: string | null | undefined;
  range?: { from: Date; to: Date } | null | undefined;
  scope?: ReportQuery['scope'] | null | undefined;
}

const toQuery = (args: ReportArgs): ReportQuery => ({
  period: args.period,
  at: args.at?.getTime() ?? Date.now(),
  timeZone: args.timeZone ?? undefined,
  range: args.range ? rangeOf(args.range) : undefined,
  scope: args.scope ?? 'instance',
});

const ARGS_DESCRIPTION =
  'The period of `period` holding `at` (default now) in `timeZone` (IANA, default UTC), or the `range` of a CUSTOM period; `scope` INSTANCE (default) or CLUSTER.';

/** Role: viewer. */
builder.queryField('report', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: ReportRef,
    description: `Builds a report now without storing it. ${ARGS_DESCRIPTION}`,
    args: {
      period: t.arg({ type: ReportPeriodEnum, required: true }),
      at: t.arg({ type: 'DateTime', required: false }),
      timeZone: t.arg.string({ required: false }),
      range: t.arg({ type: TimeRangeInput, required: false }),
      scope: t.arg({ type: ReportScopeEnum, required: false }),
    },
    resolve: async (_root, args, { services }) => {
      try {
        return { id: null, generatedBy: null, report: await services.reports.build(toQuery(args)) };
      } catch (error) {
        if (error instanceof ReportQueryError) {
          throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
        }
        throw error;
      }
    },
  }),
);

/** Role: viewer. */
builder.queryField('storedReport', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: ReportRef,
    nullable: true,
    description: 'One stored report by id (the link in a report email); null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, { services }) => (await services.reports.get(args.id)) ?? null,
  }),
);

export const MAX_REPORTS_PAGE = 100;

/** Role: viewer. */
builder.queryField('reports', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: ReportConnectionRef,
    description: `Stored reports (generated or scheduled), newest first, in pages of at most ${MAX_REPORTS_PAGE}.`,
    args: {
      first: t.arg.int({ required: false, defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, { services }) => {
      const first = args.first ?? 20;
      if (first < 1 || first > MAX_REPORTS_PAGE) {
        throw new GraphQLError(`first must be between 1 and ${MAX_REPORTS_PAGE}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      try {
        return await services.reports.list(first, args.after ?? undefined);
      } catch (error) {
        if (error instanceof ReportQueryError) {
          throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
        }
        throw error;
      }
    },
  }),
);

const GenerateReportResultRef = builder.unionType('GenerateReportResult', {
  types: [ReportRef, ValidationErrorRef],
  resolveType: (value) =>
    (value as { kind?: string }).kind === 'validation-error' ? ValidationErrorRef : ReportRef,
});

/** Role: operator. */
builder.mutationField('generateReport', (t) =>
  t.field({
    authScopes: { operator: true },
    type: GenerateReportResultRef,
    description: `Builds a report now and stores it (downloadable at \`/reports/{id}.{json,csv,pdf}\`). ${ARGS_DESCRIPTION}`,
    args: {
      period: t.arg({ type: ReportPeriodEnum, required: true }),
      at: t.arg({ type: 'DateTime', required: false }),
      timeZone: t.arg.string({ required: false }),
      range: t.arg({ type: TimeRangeInput, required: false }),
      scope: t.arg({ type: ReportScopeEnum, required: false }),
    },
    resolve: async (_root, args, context): Promise<ReportView | ValidationErrorShape> => {
      const field = args.timeZone != null ? 'timeZone' : 'range';
      try {
        if (args.period === 'custom' && !args.range) {
          return validationError([
            { field: 'range', code: 'required', message: 'a CUSTOM report needs a range' },
          ]);
        }
        return await context.services.reports.generate(toQuery(args), alertingActorName(context));
      } catch (error) {
        if (error instanceof ReportQueryError || error instanceof GraphQLError) {
          return validationError([{ field, code: 'invalid-value', message: error.message }]);
        }
        throw error;
      }
    },
  }),
);
