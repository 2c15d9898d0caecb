import { graphql } from '../../../gql/gql.ts';

/** The live result: a calculation, or the field errors the server found in the input. */
export const CalculateDrinkQuery = graphql(`
  query CalculateDrink($input: CalculateInput!) {
    calculate(input: $input) {
      __typename
      ... on Calculation {
        flavorId
        servingMl
        ...CalculationResult_CalculationFragment
        ...ResultJumpLink_CalculationFragment
      }
      ... on ValidationError {
        ...Calculator_ValidationErrorFragment
      }
    }
  }
`);
