import type { DashboardVisibility, StoredDashboardVersion } from '@taurine/store';
import type { Dashboard, DashboardResult } from '../dashboards/dashboard-service.ts';
import { variableOptions } from '../dashboards/panel-data.ts';
import { RoleEnum } from './api-key.ts';
import { builder } from './builder.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import type { NotFoundErrorShape } from './not-found-error.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';
import type { ValidationErrorShape } from './validation-error.ts';

const VisibilityEnum = builder.enumType('DashboardVisibility', {
  values: {
    PRIVATE: { value: 'private', description: 'Its creator’s key (and admins) only.' },
    ROLE: { value: 'role', description: 'Every key of `role` or a higher role.' },
    PUBLIC: { value: 'public', description: 'Anyone, without a key: its panels’ data only.' },
  } as const,
});

const VariableOptionsRef = builder
  .objectRef<{ name: string; values: string[] }>('DashboardVariableOptions')
  .implement({
    description: 'The values a variable’s picker offers: the tag’s values seen on its metric.',
    fields: (t) => ({ name: t.exposeString('name'), values: t.exposeStringList('values') }),
  });

export const DashboardRef = builder.objectRef<Dashboard>('Dashboard').implement({
  description: 'A stored, versioned dashboard: a grid of panels over metrics.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.string({ resolve: (dashboard) => dashboard.parsed.description }),
    tags: t.stringList({ resolve: (dashboard) => dashboard.parsed.tags }),
    visibility: t.field({ type: VisibilityEnum, resolve: (dashboard) => dashboard.visibility }),
    role: t.field({
      type: RoleEnum,
      nullable: true,
      resolve: (dashboard) => (dashboard.role as 'viewer' | 'operator' | 'admin' | null) ?? null,
    }),
    version: t.exposeInt('version', { description: 'Pass it to `updateDashboard`.' }),
    builtIn: t.exposeBoolean('builtIn', { description: 'Provisioned: read-only, can be copied.' }),
    owner: t.exposeString('ownerName'),
    createdAt: t.field({ type: 'DateTime', resolve: (dashboard) => new Date(dashboard.createdAt) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (dashboard) => new Date(dashboard.updatedAt) }),
    document: t.field({
      type: 'JSON',
      description: 'Title, description, tags, time range, refresh, variables and panels.',
      resolve: (dashboard) => dashboard.parsed,
    }),
    canEdit: t.boolean({
      description: 'Whether the caller may save, delete or restore it.',
      resolve: (dashboard, _args, { principal }) =>
        !dashboard.builtIn &&
        principal.kind === 'key' &&
        (principal.role === 'admin' ||
          (principal.role !== 'viewer' && principal.keyId === dashboard.ownerKeyId)),
    }),
    variableOptions: t.field({
      type: [VariableOptionsRef],
      resolve: (dashboard, _args, { services }) =>
        dashboard.parsed.variables.map((variable) => ({
          name: variable.name,
          values: variableOptions(services.metrics.registry, variable.metric, variable.tag),
        })),
    }),
  }),
});

const DashboardVersionRef = builder
  .objectRef<StoredDashboardVersion>('DashboardVersion')
  .implement({
    fields: (t) => ({
      version: t.exposeInt('version'),
      title: t.exposeString('title'),
      savedAt: t.field({ type: 'DateTime', resolve: (version) => new Date(version.savedAt) }),
      savedBy: t.exposeString('savedBy'),
      document: t.field({
        type: 'JSON',
        resolve: (version) => JSON.parse(version.document) as unknown,
      }),
    }),
  });

interface ConflictShape {
  kind: 'conflict';
  message: string;
  current: Dashboard;
}
interface AccessShape {
  kind: 'access';
  message: string;
}

const ConflictErrorRef = builder.objectRef<ConflictShape>('DashboardConflictError').implement({
  description:
    'The dashboard was saved by someone else since the given version; nothing was changed. `current` is what is stored now.',
  fields: (t) => ({
    message: t.exposeString('message'),
    current: t.field({ type: DashboardRef, resolve: (error) => error.current }),
  }),
});

const AccessErrorRef = builder.objectRef<AccessShape>('DashboardAccessError').implement({
  description: 'The caller may not make this change (not its owner, a provisioned dashboard…).',
  fields: (t) => ({ message: t.exposeString('message') }),
});

type ResultShape =
  Dashboard | ValidationErrorShape | NotFoundErrorShape | ConflictShape | AccessShape;

const DashboardResultRef = builder.unionType('DashboardResult', {
  types: [DashboardRef, ValidationErrorRef, NotFoundErrorRef, ConflictErrorRef, AccessErrorRef],
  resolveType: (value: ResultShape) => {
    if (!('kind' in value)) return DashboardRef;
    if (value.kind === 'validation-error') return ValidationErrorRef;
    if (value.kind === 'not-found') return NotFoundErrorRef;
    return value.kind === 'conflict' ? ConflictErrorRef : AccessErrorRef;
  },
});

const toResult = (result: DashboardResult): ResultShape => {
  switch (result.kind) {
    case 'ok':
      return result.dashboard;
    case 'invalid':
      return validationError(result.problems);
    case 'not-found':
      return { kind: 'not-found', message: `No dashboard ${result.id}`, id: result.id };
    case 'refused':
      return { kind: 'access', message: result.reason };
    case 'stale':
      return {
        kind: 'conflict',
        message: `The dashboard was saved since: it is at version ${result.current.version}; reload it and save again`,
        current: result.current,
      };
  }
};

const DashboardInputRef = builder.inputType('DashboardInput', {
  fields: (t) => ({
    document: t.field({ type: 'JSON', required: true }),
    visibility: t.field({ type: VisibilityEnum, required: true }),
    role: t.field({ type: RoleEnum, required: false, description: 'With visibility ROLE.' }),
  }),
});

const inputOf = (input: {
  document?: unknown;
  visibility: DashboardVisibility;
  role?: string | null;
}) => ({
  document: input.document,
  visibility: input.visibility,
  role: input.role ?? null,
});

builder.queryField('dashboards', (t) =>
  t.field({
    authScopes: { public: true },
    type: [DashboardRef],
    description: 'The dashboards the caller may read (without a key: the public ones).',
    resolve: (_root, _args, { services, principal }) => services.dashboards.list(principal),
  }),
);

builder.queryField('dashboard', (t) =>
  t.field({
    authScopes: { public: true },
    type: DashboardRef,
    nullable: true,
    description: 'A dashboard; null when there is none the caller may read.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services, principal }) => services.dashboards.get(id, principal),
  }),
);

builder.queryField('dashboardVersions', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [DashboardVersionRef],
    description: 'Saved versions of a dashboard the caller may read, newest first.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services, principal }) =>
      (await services.dashboards.versions(id, principal)) ?? [],
  }),
);

builder.mutationField('createDashboard', (t) =>
  t.field({
    authScopes: { operator: true },
    type: DashboardResultRef,
    description: 'Stores a new dashboard owned by the calling key (PUBLIC needs an admin).',
    args: { input: t.arg({ type: DashboardInputRef, required: true }) },
    resolve: async (_root, { input }, { services, principal }) =>
      toResult(await services.dashboards.create(inputOf(input), principal)),
  }),
);

builder.mutationField('updateDashboard', (t) =>
  t.field({
    authScopes: { operator: true },
    type: DashboardResultRef,
    description:
      'Saves a new version on top of `version`; when someone saved since, answers DashboardConflictError and changes nothing.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: DashboardInputRef, required: true }),
    },
    resolve: async (_root, { id, version, input }, { services, principal }) =>
      toResult(await services.dashboards.update(id, version, inputOf(input), principal)),
  }),
);

builder.mutationField('deleteDashboard', (t) =>
  t.field({
    authScopes: { operator: true },
    type: DashboardResultRef,
    description: 'Removes a dashboard and its versions; answers what was removed.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services, principal }) =>
      toResult(await services.dashboards.delete(id, principal)),
  }),
);

builder.mutationField('restoreDashboardVersion', (t) =>
  t.field({
    authScopes: { operator: true },
    type: DashboardResultRef,
    description:
      'Saves the document of an earlier `version` as a new version, on top of `currentVersion`.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      currentVersion: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, { services, principal }) =>
      toResult(
        await services.dashboards.restore(args.id, args.version, args.currentVersion, principal),
      ),
  }),
);
