import { graphql } from '../../../gql/gql.ts';

/**
 * How many reports of one vital were good, needing improvement and poor (`webvitals.ratings`,
 * rated by `/rum` with web-vitals' thresholds). Each tag list names the metric and the rating,
 * plus the device when filtered.
 */
export const VitalRatingsQuery = graphql(`
  query VitalRatings(
    $good: [TagInput!]!
    $needsImprovement: [TagInput!]!
    $poor: [TagInput!]!
    $window: StatsWindow!
  ) {
    good: stats(name: "webvitals.ratings", tags: $good, window: $window) {
      sum
    }
    needsImprovement: stats(name: "webvitals.ratings", tags: $needsImprovement, window: $window) {
      sum
    }
    poor: stats(name: "webvitals.ratings", tags: $poor, window: $window) {
      sum
    }
  }
`);
