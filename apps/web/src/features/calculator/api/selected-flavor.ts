import { graphql } from '../../../gql/gql.ts';

/** The flavor the visitor picked, for its details card, buy link and container presets. */
export const SelectedFlavorQuery = graphql(`
  query SelectedFlavor($id: ID!) {
    flavor(id: $id) {
      id
      ...SelectedFlavor_FlavorFragment
      ...ServingSizeField_FlavorFragment
    }
  }
`);
