import { GraphQLError } from 'graphql';
import type { DeploymentVitals, VitalOffender } from '../insight/vital-insight.ts';
import { TARGETED_VITALS, vitalOffenders, vitalsPerDeployment } from '../insight/vital-insight.ts';
import { builder } from './builder.ts';
import { DeploymentRef } from './deployment.ts';
import { StatsWindowEnum } from './metric.ts';

const DeploymentVitalsRef = builder.objectRef<DeploymentVitals>('DeploymentVitals').implement({
  description: 'Web Vitals p75 (ms; CLS unitless) while one deployment was serving.',
  fields: (t) => ({
    deployment: t.field({ type: DeploymentRef, resolve: (d) => d.deployment }),
    from: t.field({ type: 'DateTime', resolve: (d) => new Date(d.from) }),
    to: t.field({ type: 'DateTime', resolve: (d) => new Date(d.to) }),
    samples: t.exposeInt('samples'),
    lcp: t.float({ nullable: true, resolve: (d) => d.p75.LCP }),
    inp: t.float({ nullable: true, resolve: (d) => d.p75.INP }),
    cls: t.float({ nullable: true, resolve: (d) => d.p75.CLS }),
    fcp: t.float({ nullable: true, resolve: (d) => d.p75.FCP }),
    ttfb: t.float({ nullable: true, resolve: (d) => d.p75.TTFB }),
  }),
});

const VitalOffenderRef = builder.objectRef<VitalOffender>('VitalOffender').implement({
  description: 'An element behind a vital (LCP element, INP target, CLS source) with its p75.',
  fields: (t) => ({
    target: t.exposeString('target'),
    count: t.exposeInt('count'),
    p75: t.exposeFloat('p75', { nullable: true }),
  }),
});

const TargetedVitalEnum = builder.enumType('TargetedVital', { values: TARGETED_VITALS });

/** Role: viewer. */
builder.queryField('deploymentVitals', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [DeploymentVitalsRef],
    description: 'Web Vitals p75 per deployment, newest first (at most `first`, 1–50).',
    args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
    resolve: (_root, args, { services }) => {
      const first = args.first ?? 10;
      if (first < 1 || first > 50)
        throw new GraphQLError('first must be between 1 and 50', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      const deployments = services.insight.deployments.list().slice(0, first);
      return vitalsPerDeployment(services.metrics.registry, deployments, Date.now());
    },
  }),
);

/** Role: viewer. */
builder.queryField('vitalOffenders', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [VitalOffenderRef],
    description:
      'The elements with the worst p75 of a vital over the window (at most `first`, 1–50).',
    args: {
      vital: t.arg({ type: TargetedVitalEnum, required: true }),
      window: t.arg({ type: StatsWindowEnum, required: false, defaultValue: '24h' }),
      first: t.arg.int({ required: false, defaultValue: 10 }),
    },
    resolve: (_root, args, { services }) => {
      const first = args.first ?? 10;
      if (first < 1 || first > 50)
        throw new GraphQLError('first must be between 1 and 50', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      return vitalOffenders(services.metrics.registry, args.vital, args.window ?? '24h', first);
    },
  }),
);
