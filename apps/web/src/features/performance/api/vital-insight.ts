import { graphql } from '../../../gql/gql.ts';

/** Web Vitals p75 per deployment, and the elements behind the worst LCP, INP and CLS. */
export const VitalInsightQuery = graphql(`
  query VitalInsight($window: StatsWindow!) {
    deploymentVitals(first: 10) {
      deployment {
        id
        version
        at
      }
      samples
      lcp
      inp
      cls
      fcp
      ttfb
    }
    lcp: vitalOffenders(vital: LCP, window: $window) {
      target
      count
      p75
    }
    inp: vitalOffenders(vital: INP, window: $window) {
      target
      count
      p75
    }
    cls: vitalOffenders(vital: CLS, window: $window) {
      target
      count
      p75
    }
  }
`);
