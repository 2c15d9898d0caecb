import { graphql } from '../../../gql/gql.ts';

/** Records a calculator business event (a settled calculation or an affiliate click). */
export const TrackEventMutation = graphql(`
  mutation TrackEvent($input: TrackEventInput!) {
    trackEvent(input: $input) {
      __typename
      ... on TrackedEvent {
        id
      }
      ... on ValidationError {
        message
      }
    }
  }
`);
