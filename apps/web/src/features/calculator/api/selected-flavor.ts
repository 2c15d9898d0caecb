import { graphql } from '../../../gql/gql.ts';

/** The flavor the visitor picked, for its details card and buy link. */
export const SelectedFlavorQuery = graphql(`
  query SelectedFlavor($id: ID!) {
    flavor(id: $id) {
      id
      ...SelectedFlavor_FlavorFragment
    }
  }
`);
