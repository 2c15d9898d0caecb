import { valueOrError } from '../alerting/alerting-results.ts';
import type { AlertingResult } from '../alerting/alerting-results.ts';
import type { BudgetState } from '../insight/budget-service.ts';
import { builder } from './builder.ts';
import { DeletionRef } from './deletion.ts';
import { StatEnum, StatsWindowEnum, TagInput, TagRef, fromTagPairs, toTagPairs } from './metric.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { ValidationErrorRef } from './validation-error.ts';

const BudgetStatusEnum = builder.enumType('BudgetStatus', {
  values: {
    WITHIN: { value: 'within' },
    AT_RISK: { value: 'at_risk', description: 'Past `atRiskRatio` of the limit.' },
    OVER: { value: 'over' },
    NO_DATA: { value: 'no_data' },
  } as const,
});

const BudgetKindEnum = builder.enumType('BudgetKind', {
  values: {
    MAX: { value: 'max', description: 'Stay at or under the limit (latency, size).' },
    MIN: { value: 'min', description: 'Stay at or above the limit (hit rate).' },
  } as const,
});

const BudgetRef = builder.objectRef<BudgetState>('Budget').implement({
  description: 'A performance budget and where it stands, evaluated every collection tick.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    metric: t.exposeString('metric'),
    tags: t.field({ type: [TagRef], resolve: (b) => toTagPairs(b.tags) }),
    statistic: t.field({ type: StatEnum, resolve: (b) => b.statistic }),
    window: t.field({ type: StatsWindowEnum, resolve: (b) => b.window }),
    limit: t.exposeFloat('limit'),
    kind: t.field({ type: BudgetKindEnum, resolve: (b) => b.kind }),
    atRiskRatio: t.exposeFloat('atRiskRatio'),
    value: t.exposeFloat('value', { nullable: true, description: 'The statistic now.' }),
    status: t.field({ type: BudgetStatusEnum, resolve: (b) => b.status }),
    since: t.field({ type: 'DateTime', resolve: (b) => new Date(b.since) }),
  }),
});

const BudgetInputRef = builder.inputType('BudgetInput', {
  fields: (t) => ({
    id: t.id({ required: false, description: 'Replaces this budget; omitted: a new one.' }),
    name: t.string({ required: true }),
    metric: t.string({ required: true }),
    tags: t.field({ type: [TagInput], required: false }),
    statistic: t.field({ type: StatEnum, required: true }),
    window: t.field({ type: StatsWindowEnum, required: true }),
    limit: t.float({ required: true }),
    kind: t.field({ type: BudgetKindEnum, required: false, defaultValue: 'max' }),
    atRiskRatio: t.float({ required: false, defaultValue: 0.9 }),
  }),
});

const BudgetResultRef = builder.unionType('BudgetResult', {
  types: [BudgetRef, ValidationErrorRef, NotFoundErrorRef],
  resolveType: (value) =>
    !('kind' in value) || value.kind === 'max' || value.kind === 'min'
      ? BudgetRef
      : value.kind === 'not-found'
        ? NotFoundErrorRef
        : ValidationErrorRef,
});

const DeleteBudgetResultRef = builder.unionType('DeleteBudgetResult', {
  types: [DeletionRef, NotFoundErrorRef],
  resolveType: (value) => ('kind' in value ? NotFoundErrorRef : DeletionRef),
});

type Failure<T> = Exclude<ReturnType<typeof valueOrError<T>>, T>;
const withoutActionErrors = <T>(value: T | Failure<T>) =>
  value as T | Exclude<Failure<T>, { kind: 'alert-action-error' }>;

/** Role: viewer. */
builder.queryField('budgets', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [BudgetRef],
    description: 'Every budget with its status at the last tick, by id.',
    resolve: (_root, _args, { services }) => services.insight.budgets.list(),
  }),
);

/** Role: admin. */
builder.mutationField('saveBudget', (t) =>
  t.field({
    authScopes: { admin: true },
    type: BudgetResultRef,
    description: 'Creates a budget, or replaces the one with `id`; evaluated from the next tick.',
    args: { input: t.arg({ type: BudgetInputRef, required: true }) },
    resolve: async (_root, { input }, { services }) => {
      const saved: AlertingResult<{ id: string }> = await services.insight.budgets.save({
        ...input,
        id: input.id ?? null,
        tags: fromTagPairs(input.tags) ?? {},
        kind: input.kind ?? 'max',
        atRiskRatio: input.atRiskRatio ?? 0.9,
      });
      if (!saved.ok) return withoutActionErrors<BudgetState>(saved.error);
      return services.insight.budgets.list().find((budget) => budget.id === saved.value.id)!;
    },
  }),
);

/** Role: admin. */
builder.mutationField('deleteBudget', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DeleteBudgetResultRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services }) => {
      const result = valueOrError(await services.insight.budgets.remove(id));
      return result as Exclude<typeof result, { kind: 'alert-action-error' | 'validation-error' }>;
    },
  }),
);
