import { graphql } from '../../../gql/gql.ts';

/** Load test runs that reach into the charts' range, to shade them. */
export const LoadTestRangesQuery = graphql(`
  query LoadTestRanges($endedAfter: DateTime!) {
    loadTestRuns(first: 50, endedAfter: $endedAfter) {
      id
      name
      verdict
      startedAt
      endedAt
    }
  }
`);
