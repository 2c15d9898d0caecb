import type { AlertRule } from '@taurine/monitor';
import { valueOrError } from '../alerting/alerting-results.ts';
import type { RuleInput } from '../alerting/rule-manager.ts';
import { RULE_KINDS, ruleKind } from '../insight/insight-rules.ts';
import type { RuleKind } from '../insight/insight-rules.ts';
import { AlertComparisonEnum, AlertSeverityEnum } from './alert.ts';
import { builder } from './builder.ts';
import { DeletionRef } from './deletion.ts';
import { StatEnum, StatsWindowEnum, TagInput, TagRef, fromTagPairs, toTagPairs } from './metric.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { ValidationErrorRef } from './validation-error.ts';

const NoDataStateEnum = builder.enumType('AlertNoDataState', {
  description: 'What an alert becomes when its statistic has no value.',
  values: {
    NO_DATA: { value: 'no-data', description: 'A state of its own: shown, never notified.' },
    OK: { value: 'ok', description: 'As if the condition were false (e.g. no traffic).' },
    ALERTING: { value: 'alerting', description: 'As if the condition held.' },
  } as const,
});

const AlertRuleKindEnum = builder.enumType('AlertRuleKind', {
  values: Object.fromEntries(RULE_KINDS.map((kind) => [kind.toUpperCase(), { value: kind }])) as {
    [K in RuleKind as Uppercase<K>]: { value: K };
  },
});

export const AlertRuleRef = builder.objectRef<AlertRule>('AlertRule').implement({
  description:
    'Fires when `stat(metric{tags}) over window <comparison> threshold` holds for `forMs`.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (rule) => rule.description ?? null }),
    metric: t.exposeString('metric'),
    tags: t.field({ type: [TagRef], resolve: (rule) => toTagPairs(rule.tags ?? {}) }),
    stat: t.field({ type: StatEnum, resolve: (rule) => rule.stat }),
    window: t.field({ type: StatsWindowEnum, resolve: (rule) => rule.window }),
    comparison: t.field({ type: AlertComparisonEnum, resolve: (rule) => rule.comparison }),
    threshold: t.exposeFloat('threshold'),
    severity: t.field({ type: AlertSeverityEnum, resolve: (rule) => rule.severity }),
    forMs: t.exposeInt('forMs', { description: 'How long the condition must hold to fire.' }),
    keepFiringForMs: t.int({ resolve: (rule) => rule.keepFiringForMs ?? 0 }),
    noDataState: t.field({
      type: NoDataStateEnum,
      resolve: (rule) => rule.noDataState ?? 'no-data',
    }),
    enabled: t.exposeBoolean('enabled'),
    kind: t.field({
      type: AlertRuleKindEnum,
      description:
        'THRESHOLD, or an insight kind: a rule on insight.regression, insight.anomaly or insight.budget.',
      resolve: (rule) => ruleKind(rule),
    }),
    builtIn: t.exposeBoolean('builtIn', {
      description: 'Shipped with Taurine: editable, not deletable.',
    }),
  }),
});

const ruleFields = (required: boolean) =>
  builder.inputType(required ? 'AlertRuleInput' : 'AlertRulePatch', {
    fields: (t) => ({
      ...(required
        ? { id: t.id({ required: false, description: 'Generated when omitted.' }) }
        : {}),
      name: t.string({ required }),
      description: t.string({ required: false }),
      metric: t.string({
        required,
        description: 'A metric the server records, e.g. `api.responseTime`.',
      }),
      tags: t.field({ type: [TagInput], required: false }),
      stat: t.field({ type: StatEnum, required }),
      window: t.field({ type: StatsWindowEnum, required }),
      comparison: t.field({ type: AlertComparisonEnum, required }),
      threshold: t.float({ required }),
      severity: t.field({ type: AlertSeverityEnum, required }),
      forMs: t.int({ required: false }),
      keepFiringForMs: t.int({ required: false }),
      noDataState: t.field({ type: NoDataStateEnum, required: false }),
      enabled: t.boolean({ required: false }),
    }),
  });

const AlertRuleInputRef = ruleFields(true);
const AlertRulePatchRef = ruleFields(false);

/** GraphQL input (nulls for omitted fields) → service input (undefined). */
const toRuleInput = (input: Record<string, unknown>): RuleInput => {
  const entries = Object.entries(input).filter(
    ([, value]) => value !== null && value !== undefined,
  );
  const rule = Object.fromEntries(entries) as RuleInput & { tags?: unknown };
  if (Array.isArray(rule.tags)) rule.tags = fromTagPairs(rule.tags as never) ?? {};
  return rule;
};

const AlertRuleResultRef = builder.unionType('AlertRuleResult', {
  types: [AlertRuleRef, ValidationErrorRef, NotFoundErrorRef],
  resolveType: (value) =>
    !('kind' in value)
      ? AlertRuleRef
      : value.kind === 'not-found'
        ? NotFoundErrorRef
        : ValidationErrorRef,
});

const DeleteAlertRuleResultRef = builder.unionType('DeleteAlertRuleResult', {
  types: [DeletionRef, ValidationErrorRef, NotFoundErrorRef],
  // A NotFoundError also has an `id`, so it is told apart by its `kind`, not by shape.
  resolveType: (value) => {
    const kind = (value as { kind?: string }).kind;
    if (kind === undefined) return DeletionRef;
    return kind === 'not-found' ? NotFoundErrorRef : ValidationErrorRef;
  },
});

type RuleFailure = Exclude<ReturnType<typeof valueOrError<AlertRule>>, AlertRule>;
const ruleResult = (value: AlertRule | RuleFailure) =>
  value as AlertRule | Exclude<RuleFailure, { kind: 'alert-action-error' }>;

/** Role: viewer. */
builder.queryField('alertRules', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [AlertRuleRef],
    description: 'Every alert rule, built-in ones included, by id.',
    resolve: (_root, _args, { services }) => services.alerting.rules(),
  }),
);

/** Role: admin. */
builder.mutationField('createAlertRule', (t) =>
  t.field({
    authScopes: { admin: true },
    type: AlertRuleResultRef,
    description: 'Adds a rule; it is evaluated from the next collection tick.',
    args: { input: t.arg({ type: AlertRuleInputRef, required: true }) },
    resolve: async (_root, { input }, { services }) =>
      ruleResult(valueOrError(await services.alerting.createRule(toRuleInput(input)))),
  }),
);

/** Role: admin. */
builder.mutationField('updateAlertRule', (t) =>
  t.field({
    authScopes: { admin: true },
    type: AlertRuleResultRef,
    description: 'Changes the given fields of a rule; open alerts follow the new definition.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: AlertRulePatchRef, required: true }),
    },
    resolve: async (_root, { id, input }, { services }) =>
      ruleResult(valueOrError(await services.alerting.updateRule(id, toRuleInput(input)))),
  }),
);

/** Role: admin. */
builder.mutationField('deleteAlertRule', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DeleteAlertRuleResultRef,
    description: 'Deletes a custom rule (built-in rules can only be disabled); its alerts resolve.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services }) => {
      const result = valueOrError(await services.alerting.deleteRule(id));
      return result as Exclude<typeof result, { kind: 'alert-action-error' }>;
    },
  }),
);
