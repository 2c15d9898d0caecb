/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CalculateDrink($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculation {\n        flavorId\n        servingMl\n        ...CalculationResult_CalculationFragment\n      }\n      ... on ValidationError {\n        ...Calculator_ValidationErrorFragment\n      }\n    }\n  }\n": typeof types.CalculateDrinkDocument,
    "\n  query FlavorPickerPage($first: Int!, $after: String, $filter: FlavorFilter) {\n    flavors(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlavorPicker_FlavorFragment\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.FlavorPickerPageDocument,
    "\n  query Ingredients {\n    ingredients {\n      id\n      ...AddInsEditor_IngredientFragment\n    }\n  }\n": typeof types.IngredientsDocument,
    "\n  query SelectedFlavor($id: ID!) {\n    flavor(id: $id) {\n      id\n      ...SelectedFlavor_FlavorFragment\n    }\n  }\n": typeof types.SelectedFlavorDocument,
    "\n  mutation TrackEvent($input: TrackEventInput!) {\n    trackEvent(input: $input) {\n      __typename\n      ... on TrackedEvent {\n        id\n      }\n      ... on ValidationError {\n        message\n      }\n    }\n  }\n": typeof types.TrackEventDocument,
    "\n  fragment AddInsEditor_IngredientFragment on Ingredient {\n    id\n    name\n    kind\n    unit\n    maxAmount\n  }\n": typeof types.AddInsEditor_IngredientFragmentFragmentDoc,
    "\n  fragment BuyLink_FlavorFragment on Flavor {\n    id\n    name\n    affiliateUrl\n  }\n": typeof types.BuyLink_FlavorFragmentFragmentDoc,
    "\n  fragment CalculationBreakdown_CalculationFragment on Calculation {\n    breakdown {\n      source\n      kind\n      caffeineMg\n      sugarG\n      kcal\n      costUsd\n    }\n  }\n": typeof types.CalculationBreakdown_CalculationFragmentFragmentDoc,
    "\n  fragment CalculationResult_CalculationFragment on Calculation {\n    flavorName\n    servingMl\n    caffeineMg\n    caffeinePer100ml\n    sugarG\n    kcal\n    costUsd\n    rating\n    warnings\n    ...DailyLimitMeter_CalculationFragment\n    ...CalculationBreakdown_CalculationFragment\n  }\n": typeof types.CalculationResult_CalculationFragmentFragmentDoc,
    "\n  fragment Calculator_ValidationErrorFragment on ValidationError {\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n": typeof types.Calculator_ValidationErrorFragmentFragmentDoc,
    "\n  fragment DailyLimitMeter_CalculationFragment on Calculation {\n    caffeineMg\n    dailyLimitShare\n    singleDoseLimitMg\n    exceedsSingleDose\n  }\n": typeof types.DailyLimitMeter_CalculationFragmentFragmentDoc,
    "\n  fragment FlavorPicker_FlavorFragment on Flavor {\n    id\n    name\n    brand\n    category\n    caffeineMg\n  }\n": typeof types.FlavorPicker_FlavorFragmentFragmentDoc,
    "\n  fragment SelectedFlavor_FlavorFragment on Flavor {\n    name\n    brand\n    category\n    description\n    caffeineMg\n    sugarG\n    kcal\n    priceUsd\n    active\n    supplier {\n      name\n    }\n    ...BuyLink_FlavorFragment\n  }\n": typeof types.SelectedFlavor_FlavorFragmentFragmentDoc,
    "\n  subscription ServerTime($intervalMs: Int!) {\n    serverTime(intervalMs: $intervalMs)\n  }\n": typeof types.ServerTimeDocument,
};
const documents: Documents = {
    "\n  query CalculateDrink($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculation {\n        flavorId\n        servingMl\n        ...CalculationResult_CalculationFragment\n      }\n      ... on ValidationError {\n        ...Calculator_ValidationErrorFragment\n      }\n    }\n  }\n": types.CalculateDrinkDocument,
    "\n  query FlavorPickerPage($first: Int!, $after: String, $filter: FlavorFilter) {\n    flavors(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlavorPicker_FlavorFragment\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.FlavorPickerPageDocument,
    "\n  query Ingredients {\n    ingredients {\n      id\n      ...AddInsEditor_IngredientFragment\n    }\n  }\n": types.IngredientsDocument,
    "\n  query SelectedFlavor($id: ID!) {\n    flavor(id: $id) {\n      id\n      ...SelectedFlavor_FlavorFragment\n    }\n  }\n": types.SelectedFlavorDocument,
    "\n  mutation TrackEvent($input: TrackEventInput!) {\n    trackEvent(input: $input) {\n      __typename\n      ... on TrackedEvent {\n        id\n      }\n      ... on ValidationError {\n        message\n      }\n    }\n  }\n": types.TrackEventDocument,
    "\n  fragment AddInsEditor_IngredientFragment on Ingredient {\n    id\n    name\n    kind\n    unit\n    maxAmount\n  }\n": types.AddInsEditor_IngredientFragmentFragmentDoc,
    "\n  fragment BuyLink_FlavorFragment on Flavor {\n    id\n    name\n    affiliateUrl\n  }\n": types.BuyLink_FlavorFragmentFragmentDoc,
    "\n  fragment CalculationBreakdown_CalculationFragment on Calculation {\n    breakdown {\n      source\n      kind\n      caffeineMg\n      sugarG\n      kcal\n      costUsd\n    }\n  }\n": types.CalculationBreakdown_CalculationFragmentFragmentDoc,
    "\n  fragment CalculationResult_CalculationFragment on Calculation {\n    flavorName\n    servingMl\n    caffeineMg\n    caffeinePer100ml\n    sugarG\n    kcal\n    costUsd\n    rating\n    warnings\n    ...DailyLimitMeter_CalculationFragment\n    ...CalculationBreakdown_CalculationFragment\n  }\n": types.CalculationResult_CalculationFragmentFragmentDoc,
    "\n  fragment Calculator_ValidationErrorFragment on ValidationError {\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n": types.Calculator_ValidationErrorFragmentFragmentDoc,
    "\n  fragment DailyLimitMeter_CalculationFragment on Calculation {\n    caffeineMg\n    dailyLimitShare\n    singleDoseLimitMg\n    exceedsSingleDose\n  }\n": types.DailyLimitMeter_CalculationFragmentFragmentDoc,
    "\n  fragment FlavorPicker_FlavorFragment on Flavor {\n    id\n    name\n    brand\n    category\n    caffeineMg\n  }\n": types.FlavorPicker_FlavorFragmentFragmentDoc,
    "\n  fragment SelectedFlavor_FlavorFragment on Flavor {\n    name\n    brand\n    category\n    description\n    caffeineMg\n    sugarG\n    kcal\n    priceUsd\n    active\n    supplier {\n      name\n    }\n    ...BuyLink_FlavorFragment\n  }\n": types.SelectedFlavor_FlavorFragmentFragmentDoc,
    "\n  subscription ServerTime($intervalMs: Int!) {\n    serverTime(intervalMs: $intervalMs)\n  }\n": types.ServerTimeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalculateDrink($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculation {\n        flavorId\n        servingMl\n        ...CalculationResult_CalculationFragment\n      }\n      ... on ValidationError {\n        ...Calculator_ValidationErrorFragment\n      }\n    }\n  }\n"): (typeof documents)["\n  query CalculateDrink($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculation {\n        flavorId\n        servingMl\n        ...CalculationResult_CalculationFragment\n      }\n      ... on ValidationError {\n        ...Calculator_ValidationErrorFragment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlavorPickerPage($first: Int!, $after: String, $filter: FlavorFilter) {\n    flavors(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlavorPicker_FlavorFragment\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query FlavorPickerPage($first: Int!, $after: String, $filter: FlavorFilter) {\n    flavors(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlavorPicker_FlavorFragment\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ingredients {\n    ingredients {\n      id\n      ...AddInsEditor_IngredientFragment\n    }\n  }\n"): (typeof documents)["\n  query Ingredients {\n    ingredients {\n      id\n      ...AddInsEditor_IngredientFragment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SelectedFlavor($id: ID!) {\n    flavor(id: $id) {\n      id\n      ...SelectedFlavor_FlavorFragment\n    }\n  }\n"): (typeof documents)["\n  query SelectedFlavor($id: ID!) {\n    flavor(id: $id) {\n      id\n      ...SelectedFlavor_FlavorFragment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrackEvent($input: TrackEventInput!) {\n    trackEvent(input: $input) {\n      __typename\n      ... on TrackedEvent {\n        id\n      }\n      ... on ValidationError {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TrackEvent($input: TrackEventInput!) {\n    trackEvent(input: $input) {\n      __typename\n      ... on TrackedEvent {\n        id\n      }\n      ... on ValidationError {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AddInsEditor_IngredientFragment on Ingredient {\n    id\n    name\n    kind\n    unit\n    maxAmount\n  }\n"): (typeof documents)["\n  fragment AddInsEditor_IngredientFragment on Ingredient {\n    id\n    name\n    kind\n    unit\n    maxAmount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuyLink_FlavorFragment on Flavor {\n    id\n    name\n    affiliateUrl\n  }\n"): (typeof documents)["\n  fragment BuyLink_FlavorFragment on Flavor {\n    id\n    name\n    affiliateUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalculationBreakdown_CalculationFragment on Calculation {\n    breakdown {\n      source\n      kind\n      caffeineMg\n      sugarG\n      kcal\n      costUsd\n    }\n  }\n"): (typeof documents)["\n  fragment CalculationBreakdown_CalculationFragment on Calculation {\n    breakdown {\n      source\n      kind\n      caffeineMg\n      sugarG\n      kcal\n      costUsd\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalculationResult_CalculationFragment on Calculation {\n    flavorName\n    servingMl\n    caffeineMg\n    caffeinePer100ml\n    sugarG\n    kcal\n    costUsd\n    rating\n    warnings\n    ...DailyLimitMeter_CalculationFragment\n    ...CalculationBreakdown_CalculationFragment\n  }\n"): (typeof documents)["\n  fragment CalculationResult_CalculationFragment on Calculation {\n    flavorName\n    servingMl\n    caffeineMg\n    caffeinePer100ml\n    sugarG\n    kcal\n    costUsd\n    rating\n    warnings\n    ...DailyLimitMeter_CalculationFragment\n    ...CalculationBreakdown_CalculationFragment\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Calculator_ValidationErrorFragment on ValidationError {\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment Calculator_ValidationErrorFragment on ValidationError {\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DailyLimitMeter_CalculationFragment on Calculation {\n    caffeineMg\n    dailyLimitShare\n    singleDoseLimitMg\n    exceedsSingleDose\n  }\n"): (typeof documents)["\n  fragment DailyLimitMeter_CalculationFragment on Calculation {\n    caffeineMg\n    dailyLimitShare\n    singleDoseLimitMg\n    exceedsSingleDose\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlavorPicker_FlavorFragment on Flavor {\n    id\n    name\n    brand\n    category\n    caffeineMg\n  }\n"): (typeof documents)["\n  fragment FlavorPicker_FlavorFragment on Flavor {\n    id\n    name\n    brand\n    category\n    caffeineMg\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SelectedFlavor_FlavorFragment on Flavor {\n    name\n    brand\n    category\n    description\n    caffeineMg\n    sugarG\n    kcal\n    priceUsd\n    active\n    supplier {\n      name\n    }\n    ...BuyLink_FlavorFragment\n  }\n"): (typeof documents)["\n  fragment SelectedFlavor_FlavorFragment on Flavor {\n    name\n    brand\n    category\n    description\n    caffeineMg\n    sugarG\n    kcal\n    priceUsd\n    active\n    supplier {\n      name\n    }\n    ...BuyLink_FlavorFragment\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ServerTime($intervalMs: Int!) {\n    serverTime(intervalMs: $intervalMs)\n  }\n"): (typeof documents)["\n  subscription ServerTime($intervalMs: Int!) {\n    serverTime(intervalMs: $intervalMs)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;