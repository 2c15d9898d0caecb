import { graphql } from '../../../gql/gql.ts';

/** Every automatic response with its settings, and their recent actions (admin). */
export const AutomaticResponsesQuery = graphql(`
  query AutomaticResponses {
    automaticResponses {
      name
      description
      enabled
      dryRun
      conditionHolds
    }
    responseHistory(first: 10) {
      id
      name
      mode
      at
      outcome
      figures {
        label
        value
        unit
      }
    }
  }
`);

/** Switches a response on, live or dry-run (admin). */
export const EnableAutomaticResponseMutation = graphql(`
  mutation EnableAutomaticResponse($name: AutomaticResponseName!, $dryRun: Boolean) {
    enableAutomaticResponse(name: $name, dryRun: $dryRun) {
      __typename
      ... on AutomaticResponse {
        name
        enabled
        dryRun
      }
      ... on ValidationError {
        message
      }
    }
  }
`);

/** Switches a response off (admin). */
export const DisableAutomaticResponseMutation = graphql(`
  mutation DisableAutomaticResponse($name: AutomaticResponseName!) {
    disableAutomaticResponse(name: $name) {
      __typename
      ... on AutomaticResponse {
        name
        enabled
        dryRun
      }
      ... on ValidationError {
        message
      }
    }
  }
`);

/** Changes a response's dry-run mode (admin). */
export const ConfigureAutomaticResponseMutation = graphql(`
  mutation ConfigureAutomaticResponse($name: AutomaticResponseName!, $dryRun: Boolean) {
    configureAutomaticResponse(name: $name, dryRun: $dryRun) {
      __typename
      ... on AutomaticResponse {
        name
        enabled
        dryRun
      }
      ... on ValidationError {
        message
      }
    }
  }
`);
