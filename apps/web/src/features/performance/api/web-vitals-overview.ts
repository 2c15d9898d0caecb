import { graphql } from '../../../gql/gql.ts';

/** The five vitals' distributions over a window, optionally for one device class. */
export const WebVitalsOverviewQuery = graphql(`
  query WebVitalsOverview($tags: [TagInput!], $window: StatsWindow!) {
    LCP: stats(name: "webvitals.LCP", tags: $tags, window: $window) {
      ...VitalCard_MetricStatsFragment
      ...ScoreRing_MetricStatsFragment
    }
    INP: stats(name: "webvitals.INP", tags: $tags, window: $window) {
      ...VitalCard_MetricStatsFragment
      ...ScoreRing_MetricStatsFragment
    }
    CLS: stats(name: "webvitals.CLS", tags: $tags, window: $window) {
      ...VitalCard_MetricStatsFragment
      ...ScoreRing_MetricStatsFragment
    }
    FCP: stats(name: "webvitals.FCP", tags: $tags, window: $window) {
      ...VitalCard_MetricStatsFragment
      ...ScoreRing_MetricStatsFragment
    }
    TTFB: stats(name: "webvitals.TTFB", tags: $tags, window: $window) {
      ...VitalCard_MetricStatsFragment
      ...ScoreRing_MetricStatsFragment
    }
  }
`);
