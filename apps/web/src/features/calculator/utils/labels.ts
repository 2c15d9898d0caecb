import type { FlavorCategory, IngredientKind, SafetyRating } from '../../../gql/graphql.ts';

export const FLAVOR_CATEGORY_LABELS: Record<FlavorCategory, string> = {
  CLASSIC: 'Classic',
  SUGAR_FREE: 'Sugar-free',
  NATURAL: 'Natural',
  COFFEE: 'Coffee',
  TEA: 'Tea',
  SPORTS: 'Sports',
  SHOT: 'Shots',
};

export const INGREDIENT_KIND_LABELS: Record<IngredientKind, string> = {
  STIMULANT: 'Stimulants',
  AMINO_ACID: 'Amino acids',
  VITAMIN: 'Vitamins',
  SUGAR: 'Sugars',
  SWEETENER: 'Sweeteners',
  ELECTROLYTE: 'Electrolytes',
  BOTANICAL: 'Botanicals',
  OTHER: 'Other',
};

/** Every rating has words and a symbol, so it never depends on colour alone. */
export const SAFETY_RATING_LABELS: Record<
  SafetyRating,
  { label: string; symbol: string; description: string }
> = {
  SAFE: {
    label: 'Within guidance',
    symbol: '✓',
    description: 'Below the single-dose limit and the 400 mg daily guidance.',
  },
  CAUTION: {
    label: 'Caution',
    symbol: '!',
    description: 'Close to the single-dose limit, or over the daily sugar limit. See the warnings.',
  },
  OVER_LIMIT: {
    label: 'Over the limit',
    symbol: '✕',
    description: 'More caffeine than the guidance allows at once. See the warnings.',
  },
};
