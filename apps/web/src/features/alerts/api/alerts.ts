import { graphql } from '../../../gql/gql.ts';

/** One page of alerts, newest first, filtered by status and severity. */
export const AlertsListQuery = graphql(`
  query AlertsList(
    $status: [AlertStatus!]
    $severity: [AlertSeverity!]
    $first: Int!
    $after: String
  ) {
    alerts(status: $status, severity: $severity, first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      edges {
        node {
          id
          metric
          ...AlertRow_AlertFragment
        }
      }
    }
  }
`);

/** One alert with its history, deliveries and escalation level. */
export const AlertDetailQuery = graphql(`
  query AlertDetail($id: ID!) {
    alert(id: $id) {
      id
      ...AlertDetail_AlertFragment
    }
  }
`);

/** Every alert event, pushed: the list is fetched again when one arrives. */
export const AlertEventsSubscription = graphql(`
  subscription AlertEvents {
    alertEvents {
      type
      at
      alert {
        id
        status
      }
    }
  }
`);
