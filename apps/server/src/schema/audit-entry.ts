import type { AuditEntry } from '@taurine/store';
import { builder } from './builder.ts';

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description:
    'A state-changing operation: who, when, with which arguments (secrets redacted), and how it ended.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.field({ type: 'DateTime', resolve: (entry) => new Date(entry.at) }),
    actorName: t.exposeString('actorName'),
    actorRole: t.exposeString('actorRole'),
    action: t.exposeString('action', {
      description: 'E.g. `mutation:clearCache`, `cli:keys.create`.',
    }),
    arguments: t.string({
      description: 'JSON, secrets redacted.',
      resolve: (entry) => JSON.stringify(entry.arguments),
    }),
    result: t.exposeString('result', { description: '`ok` or the error code.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.field({
    authScopes: { admin: true },
    type: [AuditEntryRef],
    description: 'Newest first. Page with `before` = the last id seen.',
    args: {
      first: t.arg.int({ required: false, defaultValue: 50 }),
      before: t.arg.id({ required: false }),
      action: t.arg.string({ required: false }),
    },
    resolve: (_root, args, { services }) =>
      services.store.auditLog.list({
        limit: Math.min(500, Math.max(1, args.first ?? 50)),
        before: args.before == null ? undefined : Number(args.before),
        action: args.action ?? undefined,
      }),
  }),
);
