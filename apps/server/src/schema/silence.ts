import type { StoredSilence } from '@taurine/store';
import { alertingActorName } from '../alerting/actor.ts';
import { valueOrError } from '../alerting/alerting-results.ts';
import type { AlertingFailure } from '../alerting/alerting-results.ts';
import type { SilencePatch } from '../alerting/silence-manager.ts';
import { builder } from './builder.ts';
import { DeletionRef } from './deletion.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { ValidationErrorRef } from './validation-error.ts';

const SilenceMatcherRef = builder
  .objectRef<{ name: string; value: string }>('SilenceMatcher')
  .implement({
    description:
      'The label `name` (`alertname`, `severity`, `metric` or a tag) must equal `value`.',
    fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
  });

export const SilenceRef = builder.objectRef<StoredSilence>('Silence').implement({
  description:
    'Mutes notifications of the alerts matching every matcher between `startsAt` and `endsAt`. ' +
    'Silenced alerts still change state and show on the dashboard.',
  fields: (t) => ({
    id: t.exposeID('id'),
    matchers: t.field({ type: [SilenceMatcherRef], resolve: (s) => [...s.matchers] }),
    startsAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.startsAt) }),
    endsAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.endsAt) }),
    comment: t.exposeString('comment'),
    createdBy: t.exposeString('createdBy', { description: 'Who created or last edited it.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.createdAt) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.updatedAt) }),
  }),
});

const SilenceMatcherInput = builder.inputType('SilenceMatcherInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ required: true, description: 'Compared exactly (no regular expressions).' }),
  }),
});

const silenceInput = (create: boolean) =>
  builder.inputType(create ? 'SilenceInput' : 'SilencePatch', {
    fields: (t) => ({
      matchers: t.field({ type: [SilenceMatcherInput], required: create }),
      startsAt: t.field({ type: 'DateTime', required: false, description: 'Default: now.' }),
      endsAt: t.field({ type: 'DateTime', required: create }),
      comment: t.string({ required: create }),
    }),
  });

const SilenceInputRef = silenceInput(true);
const SilencePatchRef = silenceInput(false);

const toSilencePatch = (input: {
  matchers?: { name: string; value: string }[] | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  comment?: string | null;
}): SilencePatch => ({
  matchers: input.matchers ?? undefined,
  startsAt: input.startsAt?.getTime(),
  endsAt: input.endsAt?.getTime(),
  comment: input.comment ?? undefined,
});

type SilenceFailure = Exclude<AlertingFailure, { kind: 'alert-action-error' }>;
const asResult = <T>(value: T | AlertingFailure) => value as T | SilenceFailure;

const SilenceResultRef = builder.unionType('SilenceResult', {
  types: [SilenceRef, ValidationErrorRef, NotFoundErrorRef],
  resolveType: (value) => {
    const kind = (value as { kind?: string }).kind;
    if (kind === undefined) return SilenceRef;
    return kind === 'not-found' ? NotFoundErrorRef : ValidationErrorRef;
  },
});

const DeleteSilenceResultRef = builder.unionType('DeleteSilenceResult', {
  types: [DeletionRef, NotFoundErrorRef],
  resolveType: (value) =>
    (value as { kind?: string }).kind === undefined ? DeletionRef : NotFoundErrorRef,
});

/** Role: viewer. */
builder.queryField('silences', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [SilenceRef],
    description: 'Silences running or to come, by start; expired ones too with `includeExpired`.',
    args: { includeExpired: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (_root, args, { services }) =>
      services.alerting.silences({ includeExpired: args.includeExpired ?? false }),
  }),
);

/** Role: admin. */
builder.mutationField('createSilence', (t) =>
  t.field({
    authScopes: { admin: true },
    type: SilenceResultRef,
    args: { input: t.arg({ type: SilenceInputRef, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { matchers = [], endsAt = Number.NaN, comment = '', startsAt } = toSilencePatch(input);
      const result = await context.services.alerting.createSilence(
        { matchers, startsAt, endsAt, comment },
        alertingActorName(context),
      );
      return asResult(valueOrError(result));
    },
  }),
);

/** Role: admin. */
builder.mutationField('updateSilence', (t) =>
  t.field({
    authScopes: { admin: true },
    type: SilenceResultRef,
    description: 'Changes the given fields; the editor becomes `createdBy`.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: SilencePatchRef, required: true }),
    },
    resolve: async (_root, { id, input }, context) =>
      asResult(
        valueOrError(
          await context.services.alerting.updateSilence(
            id,
            toSilencePatch(input),
            alertingActorName(context),
          ),
        ),
      ),
  }),
);

/** Role: admin. */
builder.mutationField('deleteSilence', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DeleteSilenceResultRef,
    description: 'Removes a silence: matching alerts notify again from the next tick.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services }) => {
      const result = valueOrError(await services.alerting.deleteSilence(id));
      return result as { id: string } | Extract<AlertingFailure, { kind: 'not-found' }>;
    },
  }),
);
