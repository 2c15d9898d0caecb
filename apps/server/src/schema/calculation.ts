import type { CalculationResult } from '@taurine/calculator';
import { builder } from './builder.ts';
import { CaffeineLimitRef } from './caffeine-limit.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';

const SafetyRatingEnum = builder.enumType('SafetyRating', {
  description: 'Against EFSA guidance: single dose 200 mg (3 mg/kg), 400 mg a day for adults.',
  values: {
    SAFE: { value: 'safe' },
    CAUTION: { value: 'caution' },
    OVER_LIMIT: { value: 'over-limit' },
  } as const,
});

type BreakdownLine = CalculationResult['breakdown'][number];

const BreakdownLineRef = builder.objectRef<BreakdownLine>('CalculationBreakdownLine').implement({
  fields: (t) => ({
    source: t.exposeString('source'),
    kind: t.exposeString('kind', { description: '`flavor` or `ingredient`.' }),
    caffeineMg: t.exposeFloat('caffeineMg'),
    sugarG: t.exposeFloat('sugarG'),
    kcal: t.exposeFloat('kcal'),
    costUsd: t.exposeFloat('costUsd'),
  }),
});

const CalculationRef = builder.objectRef<CalculationResult>('Calculation').implement({
  description: 'What one serving of the drink contains and how it rates.',
  fields: (t) => ({
    flavorId: t.exposeID('flavorId'),
    flavorName: t.exposeString('flavorName'),
    servingMl: t.exposeFloat('servingMl'),
    caffeineMg: t.exposeFloat('caffeineMg'),
    caffeinePer100ml: t.exposeFloat('caffeinePer100ml'),
    sugarG: t.exposeFloat('sugarG'),
    kcal: t.exposeFloat('kcal'),
    costUsd: t.exposeFloat('costUsd'),
    dailyLimitShare: t.exposeFloat('dailyLimitShare', {
      description: 'Caffeine as a share of the 400 mg/day adult guidance (1 = 100 %).',
    }),
    singleDoseLimitMg: t.exposeFloat('singleDoseLimitMg', {
      description:
        '200 mg, or 3 mg per kg of body weight when it is given (`caffeineLimit.singleDoseMg`).',
    }),
    exceedsSingleDose: t.exposeBoolean('exceedsSingleDose'),
    caffeineLimit: t.field({
      type: CaffeineLimitRef,
      description: 'The limit in force for this serving, how it was derived, and its sources.',
      resolve: (result) => result.caffeineLimit,
    }),
    rating: t.field({ type: SafetyRatingEnum, resolve: (result) => result.rating }),
    breakdown: t.field({ type: [BreakdownLineRef], resolve: (result) => result.breakdown }),
    warnings: t.exposeStringList('warnings'),
  }),
});

const CalculateResultRef = builder.unionType('CalculateResult', {
  description: 'The calculation, or the field errors that prevented it.',
  types: [CalculationRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : CalculationRef),
});

const AddInInput = builder.inputType('AddInInput', {
  fields: (t) => ({
    ingredientId: t.id({ required: true }),
    amount: t.float({ required: true, description: "In the ingredient's `unit`." }),
  }),
});

const CalculateInput = builder.inputType('CalculateInput', {
  fields: (t) => ({
    flavorId: t.id({ required: true }),
    servingMl: t.float({
      required: true,
      description: "Volume drunk in ml; a flavor's `defaultServingMl` is its own container.",
    }),
    addIns: t.field({ type: [AddInInput], required: false }),
    bodyWeightKg: t.float({ required: false }),
  }),
});

builder.queryField('calculate', (t) =>
  t.field({
    authScopes: { public: true },
    type: CalculateResultRef,
    description: 'Caffeine, sugar, energy, cost and a safety rating for one serving.',
    args: { input: t.arg({ type: CalculateInput, required: true }) },
    resolve: async (_root, { input }, { services }) => {
      const outcome = await services.catalog.calculate({
        flavorId: input.flavorId,
        servingMl: input.servingMl,
        addIns: (input.addIns ?? []).map((addIn) => ({
          ingredientId: addIn.ingredientId,
          amount: addIn.amount,
        })),
        bodyWeightKg: input.bodyWeightKg ?? null,
      });
      return outcome.ok ? outcome.result : validationError(outcome.errors);
    },
  }),
);
