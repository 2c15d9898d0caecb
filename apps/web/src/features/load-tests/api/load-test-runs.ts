import { graphql } from '../../../gql/gql.ts';

/** The newest stored load test runs, each as its card shows it. */
export const LoadTestRunsQuery = graphql(`
  query LoadTestRuns($first: Int!) {
    loadTestRuns(first: $first) {
      id
      ...LoadTestRunCard_LoadTestRunFragment
    }
  }
`);
