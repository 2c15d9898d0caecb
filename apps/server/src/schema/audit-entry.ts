import type { AuditEntry } from '@taurine/store';
import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

/** `before` as an entry id: a positive whole number, else the caller's mistake. */
const entryId = (before: string | null | undefined): number | undefined => {
  if (before == null) return undefined;
  if (!/^[1-9]\d{0,14}$/.test(before)) {
    throw new GraphQLError(`before must be an audit entry id (got "${before.slice(0, 40)}")`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'before' },
    });
  }
  return Number(before);
};

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
    result: t.exposeString('result', {
      description:
        '`ok`; an error code (`FORBIDDEN`, `BAD_USER_INPUT`…) when the operation failed; or, when it answered with a typed error result, that type in capitals (`VALIDATION_ERROR`, `NOT_FOUND_ERROR`, `ALERT_ACTION_ERROR`): nothing was changed.',
    }),
    details: t.string({
      nullable: true,
      description:
        'JSON: why it failed (the error message, the typed error’s code and field errors); null when it succeeded.',
      resolve: (entry) => (entry.details == null ? null : JSON.stringify(entry.details)),
    }),
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
        before: entryId(args.before),
        action: args.action ?? undefined,
      }),
  }),
);
