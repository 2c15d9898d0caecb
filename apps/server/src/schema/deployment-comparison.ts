import type { MetricComparison } from '@taurine/monitor';
import { valueOrError } from '../alerting/alerting-results.ts';
import type { DeploymentComparison } from '../insight/deployment-service.ts';
import { builder } from './builder.ts';
import { DeploymentRef } from './deployment.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { InsightStatisticEnum } from './regression.ts';

const ChangeVerdictEnum = builder.enumType('ChangeVerdict', {
  values: {
    BETTER: { value: 'better' },
    WORSE: { value: 'worse' },
    UNCHANGED: { value: 'unchanged', description: 'Within 10 %.' },
    NO_DATA: { value: 'no_data' },
  } as const,
});

const MetricComparisonRef = builder.objectRef<MetricComparison>('MetricComparison').implement({
  fields: (t) => ({
    metric: t.exposeString('metric'),
    statistic: t.field({ type: InsightStatisticEnum, resolve: (m) => m.statistic }),
    before: t.exposeFloat('before', { nullable: true }),
    after: t.exposeFloat('after', { nullable: true }),
    changePercent: t.float({
      nullable: true,
      resolve: (m) => (m.change === null ? null : Math.round(m.change * 1000) / 10),
    }),
    verdict: t.field({ type: ChangeVerdictEnum, resolve: (m) => m.verdict }),
    samplesBefore: t.exposeInt('samplesBefore'),
    samplesAfter: t.exposeInt('samplesAfter'),
  }),
});

const DeploymentComparisonRef = builder
  .objectRef<DeploymentComparison>('DeploymentComparison')
  .implement({
    description:
      'A deployment against the previous one: every key metric before (since the previous deployment, at most 24 h) and after (until the next one, or now).',
    fields: (t) => ({
      deployment: t.field({ type: DeploymentRef, resolve: (c) => c.deployment }),
      previous: t.field({ type: DeploymentRef, nullable: true, resolve: (c) => c.previous }),
      beforeFrom: t.field({ type: 'DateTime', resolve: (c) => new Date(c.before.from) }),
      afterTo: t.field({ type: 'DateTime', resolve: (c) => new Date(c.after.to) }),
      metrics: t.field({ type: [MetricComparisonRef], resolve: (c) => c.metrics }),
    }),
  });

const DeploymentComparisonResultRef = builder.unionType('DeploymentComparisonResult', {
  types: [DeploymentComparisonRef, NotFoundErrorRef],
  resolveType: (value) => ('kind' in value ? NotFoundErrorRef : DeploymentComparisonRef),
});

/** Role: viewer. */
builder.queryField('deploymentComparison', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: DeploymentComparisonResultRef,
    description: 'Compare a deployment (default: the latest) with the previous one, per metric.',
    args: { version: t.arg.string({ required: false }) },
    resolve: (_root, args, { services }) => {
      const result = valueOrError(services.insight.deployments.compare(args.version));
      return result as Exclude<typeof result, { kind: 'alert-action-error' | 'validation-error' }>;
    },
  }),
);
