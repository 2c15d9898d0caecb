import { AUTOMATIC_RESPONSES, responseFigureUnit } from '@taurine/monitor/operations';
import type { StoredResponseRun } from '@taurine/store';
import { actorOf } from '../access/audit.ts';
import type { AutomaticResponseView, ConfigureResult } from '../operations/automatic-responses.ts';
import { builder } from './builder.ts';
import { SuggestionFigureRef } from './suggestion.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';

const AutomaticResponseNameEnum = builder.enumType('AutomaticResponseName', {
  values: Object.fromEntries(
    AUTOMATIC_RESPONSES.map((name) => [
      name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase(),
      { value: name },
    ]),
  ),
});

const figuresOf = (figures: Record<string, number>) =>
  Object.entries(figures).map(([label, value]) => ({
    label,
    value,
    unit: responseFigureUnit(label),
  }));

const AutomaticResponseRef = builder
  .objectRef<AutomaticResponseView>('AutomaticResponse')
  .implement({
    description:
      'An automatic response: off until an admin enables it; acts once per episode of its condition, after a cooldown and under an hourly cap; dry-run records without acting.',
    fields: (t) => ({
      name: t.field({ type: AutomaticResponseNameEnum, resolve: (r) => r.name }),
      description: t.exposeString('description'),
      enabled: t.boolean({ resolve: (r) => r.settings.enabled }),
      dryRun: t.boolean({ resolve: (r) => r.settings.dryRun }),
      cooldownMs: t.float({ resolve: (r) => r.settings.cooldownMs }),
      maxPerHour: t.int({ resolve: (r) => r.settings.maxPerHour }),
      updatedAt: t.field({
        type: 'DateTime',
        nullable: true,
        resolve: (r) => (r.updatedAt === null ? null : new Date(r.updatedAt)),
      }),
      updatedBy: t.exposeString('updatedBy', { nullable: true }),
      conditionHolds: t.boolean({
        description: 'Whether its condition held at the last evaluation (leader instance).',
        resolve: (r) => r.condition.holds,
      }),
      figures: t.field({
        type: [SuggestionFigureRef],
        description: 'The figures of the condition at the last evaluation.',
        resolve: (r) => figuresOf(r.condition.figures),
      }),
    }),
  });

const ResponseRunRef = builder.objectRef<StoredResponseRun>('AutomaticResponseRun').implement({
  description:
    'One action of an automatic response (dry or live), with the figures that triggered it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    episode: t.exposeString('episode'),
    mode: t.exposeString('mode', { description: '`live` or `dry-run`.' }),
    at: t.field({ type: 'DateTime', resolve: (run) => new Date(run.at) }),
    instanceId: t.exposeString('instanceId'),
    subject: t.exposeString('subject', { nullable: true }),
    figures: t.field({ type: [SuggestionFigureRef], resolve: (run) => figuresOf(run.figures) }),
    outcome: t.exposeString('outcome', {
      description: '`ok`, `failed`, or `claimed` while running.',
    }),
    details: t.string({
      nullable: true,
      description: 'What it did, as JSON.',
      resolve: (run) => (run.details === null ? null : JSON.stringify(run.details)),
    }),
  }),
});

/** Role: admin. */
builder.queryField('automaticResponses', (t) =>
  t.field({
    authScopes: { admin: true },
    type: [AutomaticResponseRef],
    description: 'Every automatic response with its settings and current condition.',
    resolve: (_root, _args, { services }) => services.operations.responses.list(),
  }),
);

/** Role: admin. */
builder.queryField('responseHistory', (t) =>
  t.field({
    authScopes: { admin: true },
    type: [ResponseRunRef],
    description: 'Actions of the automatic responses (of one, or all), newest first.',
    args: {
      name: t.arg({ type: AutomaticResponseNameEnum, required: false }),
      first: t.arg.int({ required: false, description: '1..200, default 50.' }),
    },
    resolve: (_root, args, { services }) =>
      services.operations.responses.history(
        args.name ?? undefined,
        Math.min(200, Math.max(1, args.first ?? 50)),
      ),
  }),
);

const ConfigureResultRef = builder.unionType('AutomaticResponseResult', {
  types: [AutomaticResponseRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : AutomaticResponseRef),
});

/** The API answer of a settings change: the response, or the invalid setting. */
const answerOf = (result: ConfigureResult) =>
  result.ok
    ? result.response
    : validationError([{ field: result.field, code: 'OUT_OF_RANGE', message: result.message }]);

/** Role: admin. */
builder.mutationField('enableAutomaticResponse', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ConfigureResultRef,
    description: 'Switches a response on: live, or recording only with `dryRun: true`.',
    args: {
      name: t.arg({ type: AutomaticResponseNameEnum, required: true }),
      dryRun: t.arg.boolean({ required: false, description: 'Default: keep the current mode.' }),
    },
    resolve: async (_root, args, { services, principal }) =>
      answerOf(
        await services.operations.responses.configure(
          args.name,
          { enabled: true, ...(args.dryRun == null ? {} : { dryRun: args.dryRun }) },
          actorOf(principal),
        ),
      ),
  }),
);

/** Role: admin. */
builder.mutationField('disableAutomaticResponse', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ConfigureResultRef,
    description: 'Switches a response off.',
    args: { name: t.arg({ type: AutomaticResponseNameEnum, required: true }) },
    resolve: async (_root, args, { services, principal }) =>
      answerOf(
        await services.operations.responses.configure(
          args.name,
          { enabled: false },
          actorOf(principal),
        ),
      ),
  }),
);

/** Role: admin. */
builder.mutationField('configureAutomaticResponse', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ConfigureResultRef,
    description:
      'Changes a response’s dry-run mode, cooldown or hourly cap; unset arguments keep their value.',
    args: {
      name: t.arg({ type: AutomaticResponseNameEnum, required: true }),
      dryRun: t.arg.boolean({ required: false }),
      cooldownMs: t.arg.int({ required: false, description: '10000..86400000.' }),
      maxPerHour: t.arg.int({ required: false, description: '1..60.' }),
    },
    resolve: async (_root, args, { services, principal }) => {
      const patch = Object.fromEntries(
        Object.entries({
          dryRun: args.dryRun,
          cooldownMs: args.cooldownMs,
          maxPerHour: args.maxPerHour,
        }).filter(([, value]) => value != null),
      );
      const result = await services.operations.responses.configure(
        args.name,
        patch,
        actorOf(principal),
      );
      return answerOf(result);
    },
  }),
);
