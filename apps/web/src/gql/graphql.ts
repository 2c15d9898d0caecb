/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddInInput = {
  /** In the ingredient's `unit`. */
  amount: number;
  ingredientId: string | number;
};

export type CalculateInput = {
  addIns?: Array<AddInInput> | null | undefined;
  bodyWeightKg?: number | null | undefined;
  flavorId: string | number;
  servingMl: number;
};

export type CalculatorEventType =
  /** A visitor followed a buy link. */
  | 'AFFILIATE_CLICK'
  /** A visitor settled on a drink. */
  | 'CALCULATION';

export type FlavorCategory =
  | 'CLASSIC'
  | 'COFFEE'
  | 'NATURAL'
  | 'SHOT'
  | 'SPORTS'
  | 'SUGAR_FREE'
  | 'TEA';

export type FlavorFilter = {
  category?: FlavorCategory | null | undefined;
  includeInactive?: boolean | null | undefined;
  /** Per 250 ml. */
  maxCaffeineMg?: number | null | undefined;
  /** Case-insensitive text search. */
  search?: string | null | undefined;
};

export type IngredientKind =
  | 'AMINO_ACID'
  | 'BOTANICAL'
  | 'ELECTROLYTE'
  | 'OTHER'
  | 'STIMULANT'
  | 'SUGAR'
  | 'SWEETENER'
  | 'VITAMIN';

/** Against EFSA guidance: single dose 200 mg (3 mg/kg), 400 mg a day for adults. */
export type SafetyRating =
  | 'CAUTION'
  | 'OVER_LIMIT'
  | 'SAFE';

export type TrackEventInput = {
  flavorId: string | number;
  type: CalculatorEventType;
};

export type CalculateDrinkQueryVariables = Exact<{
  input: CalculateInput;
}>;


export type CalculateDrinkQuery = { calculate:
    | (
      { __typename: 'Calculation', flavorId: string, servingMl: number }
      & { ' $fragmentRefs'?: { 'CalculationResult_CalculationFragmentFragment': CalculationResult_CalculationFragmentFragment } }
    )
    | (
      { __typename: 'ValidationError' }
      & { ' $fragmentRefs'?: { 'Calculator_ValidationErrorFragmentFragment': Calculator_ValidationErrorFragmentFragment } }
    )
   };

export type FlavorPickerPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: FlavorFilter | null | undefined;
}>;


export type FlavorPickerPageQuery = { flavors: { totalCount: number, edges: Array<{ cursor: string, node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'FlavorPicker_FlavorFragmentFragment': FlavorPicker_FlavorFragmentFragment } }
      ) }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type IngredientsQueryVariables = Exact<{ [key: string]: never; }>;


export type IngredientsQuery = { ingredients: Array<(
    { id: string }
    & { ' $fragmentRefs'?: { 'AddInsEditor_IngredientFragmentFragment': AddInsEditor_IngredientFragmentFragment } }
  )> };

export type SelectedFlavorQueryVariables = Exact<{
  id: string | number;
}>;


export type SelectedFlavorQuery = { flavor: (
    { id: string }
    & { ' $fragmentRefs'?: { 'SelectedFlavor_FlavorFragmentFragment': SelectedFlavor_FlavorFragmentFragment } }
  ) | null };

export type TrackEventMutationVariables = Exact<{
  input: TrackEventInput;
}>;


export type TrackEventMutation = { trackEvent:
    | { __typename: 'TrackedEvent', id: string }
    | { __typename: 'ValidationError', message: string }
   };

export type AddInsEditor_IngredientFragmentFragment = { id: string, name: string, kind: IngredientKind, unit: string, maxAmount: number } & { ' $fragmentName'?: 'AddInsEditor_IngredientFragmentFragment' };

export type BuyLink_FlavorFragmentFragment = { id: string, name: string, affiliateUrl: string } & { ' $fragmentName'?: 'BuyLink_FlavorFragmentFragment' };

export type CalculationBreakdown_CalculationFragmentFragment = { breakdown: Array<{ source: string, kind: string, caffeineMg: number, sugarG: number, kcal: number, costUsd: number }> } & { ' $fragmentName'?: 'CalculationBreakdown_CalculationFragmentFragment' };

export type CalculationResult_CalculationFragmentFragment = (
  { flavorName: string, servingMl: number, caffeineMg: number, caffeinePer100ml: number, sugarG: number, kcal: number, costUsd: number, rating: SafetyRating, warnings: Array<string> }
  & { ' $fragmentRefs'?: { 'DailyLimitMeter_CalculationFragmentFragment': DailyLimitMeter_CalculationFragmentFragment;'CalculationBreakdown_CalculationFragmentFragment': CalculationBreakdown_CalculationFragmentFragment } }
) & { ' $fragmentName'?: 'CalculationResult_CalculationFragmentFragment' };

export type Calculator_ValidationErrorFragmentFragment = { message: string, errors: Array<{ field: string, code: string, message: string }> } & { ' $fragmentName'?: 'Calculator_ValidationErrorFragmentFragment' };

export type DailyLimitMeter_CalculationFragmentFragment = { caffeineMg: number, dailyLimitShare: number, singleDoseLimitMg: number, exceedsSingleDose: boolean } & { ' $fragmentName'?: 'DailyLimitMeter_CalculationFragmentFragment' };

export type FlavorPicker_FlavorFragmentFragment = { id: string, name: string, brand: string, category: FlavorCategory, caffeineMg: number } & { ' $fragmentName'?: 'FlavorPicker_FlavorFragmentFragment' };

export type SelectedFlavor_FlavorFragmentFragment = (
  { name: string, brand: string, category: FlavorCategory, description: string, caffeineMg: number, sugarG: number, kcal: number, priceUsd: number, active: boolean, supplier: { name: string } | null }
  & { ' $fragmentRefs'?: { 'BuyLink_FlavorFragmentFragment': BuyLink_FlavorFragmentFragment } }
) & { ' $fragmentName'?: 'SelectedFlavor_FlavorFragmentFragment' };

export type ServerTimeSubscriptionVariables = Exact<{
  intervalMs: number;
}>;


export type ServerTimeSubscription = { serverTime: string };

export const AddInsEditor_IngredientFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AddInsEditor_IngredientFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingredient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}}]} as unknown as DocumentNode<AddInsEditor_IngredientFragmentFragment, unknown>;
export const DailyLimitMeter_CalculationFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DailyLimitMeter_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"dailyLimitShare"}},{"kind":"Field","name":{"kind":"Name","value":"singleDoseLimitMg"}},{"kind":"Field","name":{"kind":"Name","value":"exceedsSingleDose"}}]}}]} as unknown as DocumentNode<DailyLimitMeter_CalculationFragmentFragment, unknown>;
export const CalculationBreakdown_CalculationFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalculationBreakdown_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}}]}}]}}]} as unknown as DocumentNode<CalculationBreakdown_CalculationFragmentFragment, unknown>;
export const CalculationResult_CalculationFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalculationResult_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavorName"}},{"kind":"Field","name":{"kind":"Name","value":"servingMl"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"caffeinePer100ml"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DailyLimitMeter_CalculationFragment"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalculationBreakdown_CalculationFragment"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DailyLimitMeter_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"dailyLimitShare"}},{"kind":"Field","name":{"kind":"Name","value":"singleDoseLimitMg"}},{"kind":"Field","name":{"kind":"Name","value":"exceedsSingleDose"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalculationBreakdown_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}}]}}]}}]} as unknown as DocumentNode<CalculationResult_CalculationFragmentFragment, unknown>;
export const Calculator_ValidationErrorFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Calculator_ValidationErrorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<Calculator_ValidationErrorFragmentFragment, unknown>;
export const FlavorPicker_FlavorFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlavorPicker_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}}]}}]} as unknown as DocumentNode<FlavorPicker_FlavorFragmentFragment, unknown>;
export const BuyLink_FlavorFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuyLink_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliateUrl"}}]}}]} as unknown as DocumentNode<BuyLink_FlavorFragmentFragment, unknown>;
export const SelectedFlavor_FlavorFragmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SelectedFlavor_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"priceUsd"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BuyLink_FlavorFragment"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuyLink_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliateUrl"}}]}}]} as unknown as DocumentNode<SelectedFlavor_FlavorFragmentFragment, unknown>;
export const CalculateDrinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CalculateDrink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CalculateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calculate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavorId"}},{"kind":"Field","name":{"kind":"Name","value":"servingMl"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalculationResult_CalculationFragment"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Calculator_ValidationErrorFragment"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DailyLimitMeter_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"dailyLimitShare"}},{"kind":"Field","name":{"kind":"Name","value":"singleDoseLimitMg"}},{"kind":"Field","name":{"kind":"Name","value":"exceedsSingleDose"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalculationBreakdown_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalculationResult_CalculationFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Calculation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavorName"}},{"kind":"Field","name":{"kind":"Name","value":"servingMl"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"caffeinePer100ml"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DailyLimitMeter_CalculationFragment"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalculationBreakdown_CalculationFragment"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Calculator_ValidationErrorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CalculateDrinkQuery, CalculateDrinkQueryVariables>;
export const FlavorPickerPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlavorPickerPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FlavorFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlavorPicker_FlavorFragment"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlavorPicker_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}}]}}]} as unknown as DocumentNode<FlavorPickerPageQuery, FlavorPickerPageQueryVariables>;
export const IngredientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Ingredients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingredients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AddInsEditor_IngredientFragment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AddInsEditor_IngredientFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingredient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}}]} as unknown as DocumentNode<IngredientsQuery, IngredientsQueryVariables>;
export const SelectedFlavorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SelectedFlavor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SelectedFlavor_FlavorFragment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuyLink_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliateUrl"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SelectedFlavor_FlavorFragment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flavor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"caffeineMg"}},{"kind":"Field","name":{"kind":"Name","value":"sugarG"}},{"kind":"Field","name":{"kind":"Name","value":"kcal"}},{"kind":"Field","name":{"kind":"Name","value":"priceUsd"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BuyLink_FlavorFragment"}}]}}]} as unknown as DocumentNode<SelectedFlavorQuery, SelectedFlavorQueryVariables>;
export const TrackEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrackEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrackEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TrackEventMutation, TrackEventMutationVariables>;
export const ServerTimeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ServerTime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"intervalMs"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverTime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"intervalMs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"intervalMs"}}}]}]}}]} as unknown as DocumentNode<ServerTimeSubscription, ServerTimeSubscriptionVariables>;