import { SUGGESTION_SEVERITIES } from '@taurine/monitor/operations';
import type { Suggestion, SuggestionFigure, SuggestionSeverity } from '@taurine/monitor/operations';
import { builder } from './builder.ts';

export const SuggestionSeverityEnum = builder.enumType('SuggestionSeverity', {
  values: Object.fromEntries(
    SUGGESTION_SEVERITIES.map((severity) => [severity.toUpperCase(), { value: severity }]),
  ) as Record<Uppercase<SuggestionSeverity>, { value: SuggestionSeverity }>,
});

export const SuggestionFigureRef = builder
  .objectRef<SuggestionFigure>('SuggestionFigure')
  .implement({
    description: 'One figure behind a suggestion or an automatic response, e.g. `p95 = 840 ms`.',
    fields: (t) => ({
      label: t.exposeString('label'),
      value: t.exposeFloat('value'),
      unit: t.exposeString('unit', {
        description: '`ms`, `ratio`, `bytes`, `MB/h`, empty for a count.',
      }),
    }),
  });

/** The dashboard link of a suggestion's chart: the monitoring page with the metric and its tags. */
export function chartLink(chart: Suggestion['chart']): string {
  const params = new URLSearchParams({ metric: chart.metric, ...chart.tags });
  return `/monitoring?${params.toString()}`;
}

const SuggestionRef = builder.objectRef<Suggestion>('Suggestion').implement({
  description:
    'An optimisation suggestion drawn from the last hour of statistics: what to change, the figures behind it, the expected gain and the chart to look at.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Stable per rule and subject.' }),
    rule: t.exposeString('rule', {
      description:
        '`slowOperation`, `slowField`, `nPlusOne`, `largeResponse`, `lowHitRate`, `shortTtl`, `evictedWhileHot`, `poorLcp`, `heapGrowth`, or `automaticResponse` (a response is off while its condition holds).',
    }),
    severity: t.field({ type: SuggestionSeverityEnum, resolve: (s) => s.severity }),
    subject: t.exposeString('subject', {
      description: 'The operation, field (`Type.field`), cache key, route, response or `heap`.',
    }),
    title: t.exposeString('title'),
    action: t.exposeString('action', { description: 'What to do.' }),
    evidence: t.field({ type: [SuggestionFigureRef], resolve: (s) => s.evidence }),
    expectedGain: t.exposeString('expectedGain'),
    chartMetric: t.string({ resolve: (s) => s.chart.metric }),
    chartLink: t.string({
      description: 'Path of the dashboard chart showing the figures (`/monitoring?metric=…`).',
      resolve: (s) => chartLink(s.chart),
    }),
  }),
});

/** Role: viewer. */
builder.queryField('suggestions', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [SuggestionRef],
    description:
      'Optimisation suggestions from the last hour on this instance, most severe first: slow operations and resolvers, N+1 patterns, large responses, cache keys with a low hit rate, a short TTL or hot evictions, routes with a poor LCP, heap growth, and automatic responses that are off while their condition holds.',
    resolve: (_root, _args, { services }) => services.operations.suggestions.list(),
  }),
);
