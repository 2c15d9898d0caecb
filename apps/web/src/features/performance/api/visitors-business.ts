import { graphql } from '../../../gql/gql.ts';

/** Visitor and business analytics over a window: one request for the whole section. */
export const VisitorsBusinessQuery = graphql(`
  query VisitorsBusiness($window: StatsWindow!) {
    pageViews: stats(name: "visitor.pageViews", window: $window) {
      sum
    }
    sessionDuration: stats(name: "visitor.sessionDuration", window: $window) {
      count
      avg
    }
    pagesPerSession: stats(name: "visitor.pagesPerSession", window: $window) {
      avg
    }
    featureUses: stats(name: "feature.usage", window: $window) {
      sum
    }
    affiliateClicks: stats(name: "business.affiliateClicks", window: $window) {
      sum
    }
    affiliateEarnings: stats(name: "business.affiliateEarnings", window: $window) {
      sum
    }
    costPerAcquisition: stats(name: "business.costPerAcquisition", window: $window) {
      last
    }
  }
`);

/** The series of a counter: their tags name the routes or features that have counts. */
export const CounterSeriesQuery = graphql(`
  query CounterSeries($prefix: String!) {
    metrics(prefix: $prefix) {
      name
      tags {
        key
        value
      }
    }
  }
`);

/** A counter's total for one tag value over a window. */
export const CounterTotalQuery = graphql(`
  query CounterTotal($name: String!, $tags: [TagInput!], $window: StatsWindow!) {
    stats(name: $name, tags: $tags, window: $window) {
      sum
    }
  }
`);
