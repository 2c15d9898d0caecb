import { graphql } from '../../../gql/gql.ts';

/** The rules (built-in and custom). */
export const AlertRulesQuery = graphql(`
  query AlertRules {
    alertRules {
      id
      metric
      ...RuleCard_AlertRuleFragment
    }
  }
`);

/** Every metric name the server records, for the rule editor's picker. */
export const MetricNamesQuery = graphql(`
  query MetricNames {
    metrics {
      name
      unit
      kind
      help
    }
  }
`);

/** The statistics a rule would read now: the editor's live preview. */
export const RulePreviewQuery = graphql(`
  query RulePreview($name: String!, $window: StatsWindow!) {
    stats(name: $name, window: $window) {
      avg
      count
      last
      max
      min
      p50
      p75
      p90
      p95
      p99
      rate
      sum
    }
  }
`);

/** Adds a rule (admin key). */
export const CreateAlertRuleMutation = graphql(`
  mutation CreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      __typename
      ... on AlertRule {
        id
        ...RuleCard_AlertRuleFragment
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

/** Changes a rule (admin key). */
export const UpdateAlertRuleMutation = graphql(`
  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {
    updateAlertRule(id: $id, input: $input) {
      __typename
      ... on AlertRule {
        id
        ...RuleCard_AlertRuleFragment
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

/** Deletes a custom rule (admin key); built-in rules are refused with a reason. */
export const DeleteAlertRuleMutation = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id) {
      __typename
      ... on Deletion {
        id
      }
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);
