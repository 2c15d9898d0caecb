import { graphql } from '../../../gql/gql.ts';

/** What changed: regressions, anomalies and budgets (the insight panel), deployments (chart lines). */
export const DashboardInsightQuery = graphql(`
  query DashboardInsight($since: DateTime!) {
    regressions(since: $since) {
      id
      metric
      statistic
      tags {
        key
        value
      }
      baselineValue
      currentValue
      changePercent
      confidence
      severity
      firstSeen
      open
    }
    anomalies(since: $since) {
      id
      metric
      statistic
      kind
      reference
      value
      expected
      zScore
      firstSeen
      endedAt
    }
    budgets {
      id
      name
      limit
      kind
      value
      status
    }
    deployments(since: $since) {
      id
      version
      at
    }
  }
`);
