import { graphql } from '../../../gql/gql.ts';

/** Silences running or to come, and with `includeExpired` the past ones too. */
export const SilencesQuery = graphql(`
  query Silences($includeExpired: Boolean!) {
    silences(includeExpired: $includeExpired) {
      id
      comment
      createdBy
      startsAt
      endsAt
      matchers {
        name
        value
      }
    }
  }
`);

/** Adds a silence (admin key). */
export const CreateSilenceMutation = graphql(`
  mutation CreateSilence($input: SilenceInput!) {
    createSilence(input: $input) {
      __typename
      ... on Silence {
        id
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

/** Changes a silence (admin key); expiring one early sets `endsAt` to now. */
export const UpdateSilenceMutation = graphql(`
  mutation UpdateSilence($id: ID!, $input: SilencePatch!) {
    updateSilence(id: $id, input: $input) {
      __typename
      ... on Silence {
        id
        endsAt
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

/** Removes a silence that has not started yet (admin key). */
export const DeleteSilenceMutation = graphql(`
  mutation DeleteSilence($id: ID!) {
    deleteSilence(id: $id) {
      __typename
      ... on Deletion {
        id
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);
