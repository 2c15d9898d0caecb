import type {
  ReportAlerts,
  ReportBudget,
  ReportFigure,
  ReportOperation,
  ReportPeriod,
  ReportPoint,
  ReportRegression,
  ReportSuggestion,
} from '@taurine/monitor';
import { builder } from './builder.ts';

/** The lengths of report; CUSTOM takes an explicit range. */
export const ReportPeriodEnum = builder.enumType('ReportPeriod', {
  values: {
    DAY: {
      value: 'day',
      description: 'A calendar day in the time zone (23 or 25 hours across DST).',
    },
    WEEK: { value: 'week', description: 'An ISO week, Monday to Monday.' },
    MONTH: { value: 'month', description: 'A calendar month.' },
    CUSTOM: {
      value: 'custom',
      description: 'The `range` given, compared with the same length before it.',
    },
  } as const,
});

export const ReportScopeEnum = builder.enumType('ReportScope', {
  values: {
    INSTANCE: {
      value: 'instance',
      description: "This instance's statistics: what `stats` and the dashboard show.",
    },
    CLUSTER: {
      value: 'cluster',
      description:
        "Every instance's persisted rollups merged (this instance's open minutes once flushed).",
    },
  } as const,
});

export const ReportFormatEnum = builder.enumType('ReportFormat', {
  values: { PDF: { value: 'pdf' }, CSV: { value: 'csv' }, JSON: { value: 'json' } } as const,
});

const FigureVerdictEnum = builder.enumType('FigureVerdict', {
  description: 'A change judged by the direction the figure should move.',
  values: {
    BETTER: { value: 'better' },
    WORSE: { value: 'worse' },
    UNCHANGED: { value: 'unchanged', description: 'Within 0.5 %.' },
    NEUTRAL: { value: 'neutral', description: 'Neither direction is better (traffic).' },
    NONE: { value: 'none', description: 'One of the periods has no data.' },
  } as const,
});

const FigureDirectionEnum = builder.enumType('FigureDirection', {
  values: {
    HIGHER: { value: 'higher' },
    LOWER: { value: 'lower' },
    NEUTRAL: { value: 'neutral' },
  } as const,
});

export const ReportPeriodRangeRef = builder.objectRef<ReportPeriod>('ReportPeriodRange').implement({
  description: 'What a report covers, `[from, to)`, and the previous period it is compared with.',
  fields: (t) => ({
    kind: t.field({ type: ReportPeriodEnum, resolve: (p) => p.kind }),
    timeZone: t.exposeString('timeZone'),
    label: t.exposeString('label'),
    from: t.field({ type: 'DateTime', resolve: (p) => new Date(p.from) }),
    to: t.field({ type: 'DateTime', resolve: (p) => new Date(p.to) }),
    previousFrom: t.field({ type: 'DateTime', resolve: (p) => new Date(p.previousFrom) }),
    previousTo: t.field({ type: 'DateTime', resolve: (p) => new Date(p.previousTo) }),
  }),
});

export const ReportFigureRef = builder.objectRef<ReportFigure>('ReportFigure').implement({
  description:
    'One figure of the period beside the previous one. Ratios are 0..1 (`unit: "ratio"`).',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    group: t.exposeString('group', {
      description: '`service`, `cache`, `webVitals` or `business`.',
    }),
    unit: t.exposeString('unit'),
    direction: t.field({ type: FigureDirectionEnum, resolve: (f) => f.direction }),
    value: t.exposeFloat('value', { nullable: true }),
    previous: t.exposeFloat('previous', { nullable: true }),
    changePct: t.exposeFloat('changePct', { nullable: true }),
    verdict: t.field({ type: FigureVerdictEnum, resolve: (f) => f.verdict }),
  }),
});

export const ReportOperationRef = builder.objectRef<ReportOperation>('ReportOperation').implement({
  fields: (t) => ({
    endpoint: t.exposeString('endpoint'),
    operation: t.exposeString('operation'),
    requests: t.exposeFloat('requests'),
    p50Ms: t.exposeFloat('p50Ms', { nullable: true }),
    p95Ms: t.exposeFloat('p95Ms', { nullable: true }),
    p99Ms: t.exposeFloat('p99Ms', { nullable: true }),
  }),
});

const SeverityCountRef = builder
  .objectRef<ReportAlerts['bySeverity'][number]>('ReportSeverityCount')
  .implement({
    fields: (t) => ({ severity: t.exposeString('severity'), count: t.exposeInt('count') }),
  });

const RuleCountRef = builder
  .objectRef<ReportAlerts['topRules'][number]>('ReportRuleCount')
  .implement({
    fields: (t) => ({
      ruleId: t.exposeID('ruleId'),
      name: t.exposeString('name'),
      count: t.exposeInt('count'),
    }),
  });

export const ReportAlertsRef = builder.objectRef<ReportAlerts>('ReportAlerts').implement({
  description: 'Alerts that started firing in the period.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    bySeverity: t.field({ type: [SeverityCountRef], resolve: (a) => a.bySeverity }),
    meanTimeToAcknowledgeMs: t.exposeFloat('meanTimeToAcknowledgeMs', { nullable: true }),
    meanTimeToResolveMs: t.exposeFloat('meanTimeToResolveMs', { nullable: true }),
    topRules: t.field({ type: [RuleCountRef], resolve: (a) => a.topRules }),
  }),
});

export const ReportBudgetRef = builder.objectRef<ReportBudget>('ReportBudget').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    unit: t.exposeString('unit'),
    limit: t.exposeFloat('limit'),
    direction: t.exposeString('direction', {
      description: '`lower`: at most `limit`; `higher`: at least.',
    }),
    value: t.exposeFloat('value', { nullable: true }),
    status: t.exposeString('status', { description: '`met`, `missed` or `no-data`.' }),
  }),
});

export const ReportPointRef = builder.objectRef<ReportPoint>('ReportPoint').implement({
  fields: (t) => ({
    t: t.field({ type: 'DateTime', resolve: (p) => new Date(p.t) }),
    value: t.exposeFloat('value', { nullable: true }),
  }),
});

export const ReportRegressionRef = builder
  .objectRef<ReportRegression>('ReportRegression')
  .implement({
    fields: (t) => ({
      metric: t.exposeString('metric'),
      description: t.exposeString('description'),
      changePct: t.exposeFloat('changePct', { nullable: true }),
    }),
  });

export const ReportSuggestionRef = builder
  .objectRef<ReportSuggestion>('ReportSuggestion')
  .implement({
    fields: (t) => ({ title: t.exposeString('title'), detail: t.exposeString('detail') }),
  });
