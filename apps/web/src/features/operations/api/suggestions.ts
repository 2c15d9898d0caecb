import { graphql } from '../../../gql/gql.ts';

/** Optimisation suggestions from the last hour, most severe first (viewer). */
export const SuggestionsQuery = graphql(`
  query Suggestions {
    suggestions {
      id
      severity
      title
      action
      expectedGain
      chartLink
      evidence {
        label
        value
        unit
      }
    }
  }
`);
