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
