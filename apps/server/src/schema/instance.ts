import type { InstanceInfo } from '../cluster/instance-registry.ts';
import type { InstanceHealth } from '../snapshot/snapshot.ts';
import { builder } from './builder.ts';

const InstanceStatusEnum = builder.enumType('InstanceStatus', {
  values: {
    LIVE: { value: 'live', description: 'Ticking: in the live view and the cluster snapshot.' },
    GONE: {
      value: 'gone',
      description:
        'Stopped, or not seen for 3 collection ticks: out of the live view; its history stays in the totals.',
    },
  } as const,
});

const DependencyStateRef = builder
  .objectRef<{ name: string; status: string }>('InstanceDependency')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      status: t.exposeString('status', { description: '`up`, `down` or `disabled`.' }),
    }),
  });

const dependencyList = (dependencies: InstanceHealth['dependencies']) =>
  Object.entries(dependencies).map(([name, status]) => ({ name, status }));

/** One instance's health inside a snapshot (the dashboard's dependencies panel). */
export const InstanceHealthRef = builder.objectRef<InstanceHealth>('InstanceHealth').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    healthScore: t.exposeFloat('healthScore'),
    leader: t.exposeBoolean('leader', {
      description:
        'Holds the leader lock: evaluates alert rules and computes the cluster snapshot.',
    }),
    dependencies: t.field({
      type: [DependencyStateRef],
      resolve: (instance) => dependencyList(instance.dependencies),
    }),
  }),
});

const InstanceRef = builder.objectRef<InstanceInfo>('Instance').implement({
  description: 'A server instance of this deployment, from its per-tick beat.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '`INSTANCE_ID`.' }),
    version: t.exposeString('version', { description: '`SERVICE_VERSION`.' }),
    startedAt: t.field({ type: 'DateTime', resolve: (i) => new Date(i.startedAt) }),
    lastSeen: t.field({
      type: 'DateTime',
      description: 'Its latest collection tick.',
      resolve: (i) => new Date(i.lastSeen),
    }),
    leader: t.exposeBoolean('leader'),
    status: t.field({ type: InstanceStatusEnum, resolve: (i) => i.status }),
    healthScore: t.exposeFloat('healthScore', { description: 'Its own health score, 0..100.' }),
    dependencies: t.field({
      type: [DependencyStateRef],
      resolve: (i) => dependencyList(i.dependencies),
    }),
  }),
});

builder.queryField('instances', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [InstanceRef],
    description:
      'The instances of this deployment: live ones first, then gone ones. One entry without a cluster (SQLite, or no Redis).',
    resolve: (_root, _args, { services }) => services.cluster.instances(Date.now()),
  }),
);
