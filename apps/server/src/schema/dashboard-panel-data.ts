import { GraphQLError } from 'graphql';
import { validateDashboardDocument } from '@taurine/monitor';
import type { DashboardDocument, WindowName } from '@taurine/monitor';
import type { AlertRecord } from '@taurine/store';
import { readPanels } from '../dashboards/panel-data.ts';
import type { PanelData, PanelDataSources, PanelSeriesData } from '../dashboards/panel-data.ts';
import type { Services } from '../services.ts';
import { builder } from './builder.ts';
import { StatEnum, StatsWindowEnum } from './metric.ts';

const PointRef = builder.objectRef<{ t: number; value: number | null }>('PanelPoint').implement({
  fields: (t) => ({
    t: t.field({ type: 'DateTime', resolve: (point) => new Date(point.t) }),
    value: t.exposeFloat('value', { nullable: true }),
  }),
});

const PanelSeriesRef = builder.objectRef<PanelSeriesData>('PanelSeries').implement({
  description: 'One series of a panel: a query, or one group of a grouped query.',
  fields: (t) => ({
    query: t.exposeInt('query', { description: 'Index of the query in the panel.' }),
    label: t.exposeString('label'),
    group: t.exposeString('group', { nullable: true }),
    stat: t.field({ type: StatEnum, resolve: (series) => series.stat }),
    unit: t.exposeString('unit'),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'The statistic over the whole window: what `stats` answers for the same query.',
    }),
    points: t.field({ type: [PointRef], resolve: (series) => series.points }),
  }),
});

const HeatmapColumnRef = builder
  .objectRef<{ t: number; counts: number[] }>('HeatmapColumn')
  .implement({
    fields: (t) => ({
      t: t.field({ type: 'DateTime', resolve: (column) => new Date(column.t) }),
      counts: t.exposeFloatList('counts'),
    }),
  });

const HeatmapRef = builder.objectRef<NonNullable<PanelData['heatmap']>>('PanelHeatmap').implement({
  description: 'Samples per value band and step, from the sketches’ buckets.',
  fields: (t) => ({
    bounds: t.exposeFloatList('bounds', { description: 'Upper bounds; the last band is above.' }),
    unit: t.exposeString('unit'),
    columns: t.field({ type: [HeatmapColumnRef], resolve: (heatmap) => heatmap.columns }),
  }),
});

const PanelAlertRef = builder.objectRef<AlertRecord>('PanelAlert').implement({
  description: 'An open alert as an alert-list panel shows it (no comments, no channels).',
  fields: (t) => ({
    fingerprint: t.string({ resolve: (record) => record.alert.fingerprint }),
    ruleName: t.string({ resolve: (record) => record.alert.ruleName }),
    severity: t.string({ resolve: (record) => record.alert.severity }),
    status: t.string({ resolve: (record) => record.status }),
    metric: t.string({ resolve: (record) => record.alert.metric }),
    value: t.float({ nullable: true, resolve: (record) => record.alert.value }),
    threshold: t.float({ resolve: (record) => record.alert.threshold }),
    startsAt: t.field({ type: 'DateTime', resolve: (record) => new Date(record.alert.startsAt) }),
  }),
});

const PanelDataRef = builder.objectRef<PanelData>('PanelData').implement({
  description: 'What one panel shows.',
  fields: (t) => ({
    panelId: t.exposeID('panelId'),
    series: t.field({ type: [PanelSeriesRef], resolve: (data) => data.series }),
    heatmap: t.field({ type: HeatmapRef, nullable: true, resolve: (data) => data.heatmap }),
    alerts: t.field({ type: [PanelAlertRef], resolve: (data) => data.alerts }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

const VariableValueInput = builder.inputType('VariableValueInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ required: true, description: '`*` for every value.' }),
  }),
});

const sourcesOf = (services: Services): PanelDataSources => ({
  registry: services.metrics.registry,
  now: () => Date.now(),
  openAlerts: async () =>
    (await services.alerting.alerts({ statuses: ['pending', 'firing', 'acknowledged'], first: 50 }))
      .records,
});

const valuesOf = (pairs: readonly { name: string; value: string }[] | null | undefined) =>
  Object.fromEntries((pairs ?? []).map(({ name, value }) => [name, value]));

const read = (
  services: Services,
  document: DashboardDocument,
  args: {
    variables?: { name: string; value: string }[] | null;
    window?: string | null;
    panelIds?: string[] | null;
  },
) =>
  readPanels(sourcesOf(services), document, {
    values: valuesOf(args.variables),
    window: (args.window ?? undefined) as WindowName | undefined,
    panelIds: args.panelIds ?? undefined,
  });

builder.queryField('dashboardPanelData', (t) =>
  t.field({
    authScopes: { public: true },
    type: [PanelDataRef],
    nullable: true,
    description:
      'The data of a dashboard’s panels in one request (all, or `panelIds`). Anyone may read a public dashboard’s panels; null when there is no dashboard the caller may read.',
    args: {
      id: t.arg.id({ required: true }),
      panelIds: t.arg.idList({ required: false }),
      variables: t.arg({ type: [VariableValueInput], required: false }),
      window: t.arg({ type: StatsWindowEnum, required: false }),
    },
    resolve: async (_root, args, { services, principal }) => {
      const dashboard = await services.dashboards.get(args.id, principal);
      return dashboard === undefined ? null : read(services, dashboard.parsed, args);
    },
  }),
);

builder.queryField('previewDashboardPanels', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [PanelDataRef],
    description: 'The panels’ data of an unsaved document (the editor’s preview).',
    args: {
      document: t.arg({ type: 'JSON', required: true }),
      variables: t.arg({ type: [VariableValueInput], required: false }),
      window: t.arg({ type: StatsWindowEnum, required: false }),
    },
    resolve: (_root, args, { services }) => {
      const validation = validateDashboardDocument(args.document);
      if (!validation.ok) {
        const first = validation.problems[0];
        throw new GraphQLError(`Invalid document: ${first?.field ?? ''} ${first?.message ?? ''}`, {
          extensions: { code: 'BAD_USER_INPUT', problems: validation.problems },
        });
      }
      return read(services, validation.document, args);
    },
  }),
);
