import { graphql } from '../../../gql/gql.ts';

/** One page of the flavor picker's list; pages are chained with `after: pageInfo.endCursor`. */
export const FlavorPickerPageQuery = graphql(`
  query FlavorPickerPage($first: Int!, $after: String, $filter: FlavorFilter) {
    flavors(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          ...FlavorPicker_FlavorFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);
