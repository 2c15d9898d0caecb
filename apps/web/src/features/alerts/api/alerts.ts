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

/** The rules (built-in and custom). */
export const AlertRulesQuery = graphql(`
  query AlertRules {
    alertRules {
      id
      ...RuleList_AlertRuleFragment
    }
  }
`);

/** Changes a rule's threshold, severity or enabled flag (admin key). */
export const UpdateAlertRuleMutation = graphql(`
  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {
    updateAlertRule(id: $id, input: $input) {
      __typename
      ... on AlertRule {
        id
        ...RuleList_AlertRuleFragment
      }
      ... on ValidationError {
        message
        errors {
          field
          message
        }
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** The notification channels. */
export const NotificationChannelsQuery = graphql(`
  query NotificationChannels {
    notificationChannels {
      id
      name
      type
      enabled
      source
    }
  }
`);

/** Sends a test notification through one channel (admin key). */
export const SendTestNotificationMutation = graphql(`
  mutation SendTestNotification($channelId: ID!) {
    sendTestNotification(channelId: $channelId) {
      __typename
      ... on TestNotification {
        delivered
        reason
        status
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);
