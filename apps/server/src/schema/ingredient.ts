import type { Ingredient } from '@taurine/calculator';
import { builder } from './builder.ts';
import { SupplierRef } from './supplier.ts';

export const IngredientKindEnum = builder.enumType('IngredientKind', {
  values: {
    STIMULANT: { value: 'stimulant' },
    AMINO_ACID: { value: 'amino-acid' },
    VITAMIN: { value: 'vitamin' },
    SUGAR: { value: 'sugar' },
    SWEETENER: { value: 'sweetener' },
    ELECTROLYTE: { value: 'electrolyte' },
    BOTANICAL: { value: 'botanical' },
    OTHER: { value: 'other' },
  } as const,
});

export const IngredientRef = builder.objectRef<Ingredient>('Ingredient').implement({
  description: 'An add-in for a drink. Amounts are given in `unit`; values are per unit.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.field({ type: IngredientKindEnum, resolve: (ingredient) => ingredient.kind }),
    unit: t.exposeString('unit', { description: '`g` or `mg`.' }),
    caffeineMgPerUnit: t.exposeFloat('caffeineMgPerUnit'),
    sugarGPerUnit: t.exposeFloat('sugarGPerUnit'),
    kcalPerUnit: t.exposeFloat('kcalPerUnit'),
    costUsdPerUnit: t.exposeFloat('costUsdPerUnit'),
    maxAmount: t.exposeFloat('maxAmount', { description: 'Largest accepted amount, in `unit`.' }),
    description: t.exposeString('description'),
    supplier: t.field({
      type: SupplierRef,
      nullable: true,
      resolve: (ingredient, _args, { services }) =>
        services.catalog.supplier(ingredient.supplierId),
    }),
  }),
});

builder.queryField('ingredients', (t) =>
  t.field({
    authScopes: { public: true },
    type: [IngredientRef],
    description: 'Every ingredient, optionally of one kind.',
    args: { kind: t.arg({ type: IngredientKindEnum, required: false }) },
    resolve: (_root, args, { services }) => services.catalog.ingredients(args.kind ?? undefined),
  }),
);
