import { graphql } from '../../../gql/gql.ts';

/** Every ingredient a drink can be topped up with. */
export const IngredientsQuery = graphql(`
  query Ingredients {
    ingredients {
      id
      ...AddInsEditor_IngredientFragment
    }
  }
`);
