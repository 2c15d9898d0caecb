import { graphql } from '../../../gql/gql.ts';

/** The series of `webvitals.ratings`: their `route` tags are the routes that reported vitals. */
export const VitalRoutesQuery = graphql(`
  query VitalRoutes($tags: [TagInput!]) {
    metrics(prefix: "webvitals.ratings", tags: $tags) {
      tags {
        key
        value
      }
    }
  }
`);

/** The five vitals of one route at the chosen percentile. */
export const RouteVitalsQuery = graphql(`
  query RouteVitals($tags: [TagInput!], $window: StatsWindow!) {
    LCP: stats(name: "webvitals.LCP", tags: $tags, window: $window) {
      ...RouteVitalsRow_MetricStatsFragment
    }
    INP: stats(name: "webvitals.INP", tags: $tags, window: $window) {
      ...RouteVitalsRow_MetricStatsFragment
    }
    CLS: stats(name: "webvitals.CLS", tags: $tags, window: $window) {
      ...RouteVitalsRow_MetricStatsFragment
    }
    FCP: stats(name: "webvitals.FCP", tags: $tags, window: $window) {
      ...RouteVitalsRow_MetricStatsFragment
    }
    TTFB: stats(name: "webvitals.TTFB", tags: $tags, window: $window) {
      ...RouteVitalsRow_MetricStatsFragment
    }
  }
`);
