import type { StoredDeployment } from '@taurine/store';
import { valueOrError } from '../alerting/alerting-results.ts';
import { builder } from './builder.ts';
import { ValidationErrorRef } from './validation-error.ts';

export const DeploymentRef = builder.objectRef<StoredDeployment>('Deployment').implement({
  description: 'A version that started serving: charts mark it, comparisons start from it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeString('version'),
    at: t.field({ type: 'DateTime', resolve: (d) => new Date(d.at) }),
    source: t.exposeString('source', {
      description: '`startup` (a new SERVICE_VERSION) or `mutation` (recordDeployment).',
    }),
    recordedBy: t.exposeString('recordedBy'),
    description: t.exposeString('description', { nullable: true }),
  }),
});

const RecordDeploymentResultRef = builder.unionType('RecordDeploymentResult', {
  types: [DeploymentRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : DeploymentRef),
});

/** Role: viewer. */
builder.queryField('deployments', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [DeploymentRef],
    description: 'Deployments, newest first (at most 200), those since `since` when given.',
    args: { since: t.arg({ type: 'DateTime', required: false }) },
    resolve: (_root, args, { services }) =>
      services.insight.deployments.list(args.since?.getTime()),
  }),
);

/** Role: operator. */
builder.mutationField('recordDeployment', (t) =>
  t.field({
    authScopes: { operator: true },
    type: RecordDeploymentResultRef,
    description: 'Marks a deployment (for CI): charts show it, comparisons start from it.',
    args: {
      version: t.arg.string({ required: true }),
      description: t.arg.string({ required: false }),
      at: t.arg({ type: 'DateTime', required: false, description: 'Default: now.' }),
    },
    resolve: async (_root, args, context) => {
      const result = valueOrError(
        await context.services.insight.deployments.record({
          version: args.version,
          description: args.description ?? null,
          at: args.at?.getTime() ?? null,
          recordedBy: context.principal.kind === 'key' ? context.principal.name : 'anonymous',
        }),
      );
      return result as Exclude<typeof result, { kind: 'alert-action-error' | 'not-found' }>;
    },
  }),
);
