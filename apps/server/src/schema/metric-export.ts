import { toCsvExport, toJsonExport, toPrometheusText } from '@taurine/monitor';
import { GraphQLError } from 'graphql';
import { EXPORT_LIMITS, exportRows } from '../metrics/export-rows.ts';
import { builder } from './builder.ts';
import { exportScope } from '../cluster/cluster-views.ts';
import { asUserError, rangeOf, registryFor, TimeRangeInput } from './metric.ts';

const ExportFormatEnum = builder.enumType('ExportFormat', {
  values: {
    JSON: { value: 'json', description: '`{ timestamp, version, metrics: [...] }`' },
    CSV: { value: 'csv', description: '`"timestamp","metric_name","value","tags"`' },
    PROMETHEUS: { value: 'prometheus', description: 'Text exposition format 0.0.4' },
  } as const,
});

builder.queryField('exportMetrics', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: 'String',
    description:
      'The metrics as a document: current values, or points over `range` for CSV and JSON. `metric` is a name or a prefix ending in `*`. Also downloadable at `/metrics`, `/export.csv` and `/export.json`.',
    args: {
      format: t.arg({ type: ExportFormatEnum, required: true }),
      metric: t.arg.string({ required: false }),
      range: t.arg({ type: TimeRangeInput, required: false }),
      instance: t.arg.string({
        required: false,
        description: "One instance's own data; the whole deployment when absent.",
      }),
    },
    resolve: async (_root, args, { services }) => {
      const now = Date.now();
      const range = args.range ? rangeOf(args.range) : undefined;
      if (range && range.to - range.from > EXPORT_LIMITS.maxRangeMs) {
        throw new GraphQLError('range may span at most 90 days', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const registry = await registryFor(services, {
        ...exportScope(args.format === 'prometheus' ? undefined : args.metric, range, now),
        instance: args.instance ?? undefined,
      });
      if (args.format === 'prometheus') return toPrometheusText(registry, now);
      try {
        const rows = exportRows(registry, now, { metric: args.metric ?? undefined, range });
        return args.format === 'csv' ? toCsvExport(rows) : JSON.stringify(toJsonExport(rows, now));
      } catch (error) {
        return asUserError(error);
      }
    },
  }),
);
