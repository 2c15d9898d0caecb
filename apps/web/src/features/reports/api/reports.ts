import { graphql } from '../../../gql/gql.ts';

/** A report built now for the chosen period (nothing stored). */
export const LiveReportQuery = graphql(`
  query LiveReport($period: ReportPeriod!, $timeZone: String) {
    report(period: $period, timeZone: $timeZone, scope: INSTANCE) {
      ...ReportView_Report
    }
  }
`);

/** One stored report (history, or the link in a report email). */
export const StoredReportQuery = graphql(`
  query StoredReport($id: ID!) {
    storedReport(id: $id) {
      ...ReportView_Report
    }
  }
`);

/** Stored reports, newest first. */
export const ReportHistoryQuery = graphql(`
  query ReportHistory($first: Int!) {
    reports(first: $first) {
      edges {
        node {
          id
          generatedAt
          generatedBy
          headline
          period {
            kind
            label
          }
        }
      }
      hasNextPage
    }
  }
`);

/** Builds and stores a report now (operator key). */
export const GenerateReportMutation = graphql(`
  mutation GenerateReport($period: ReportPeriod!, $timeZone: String) {
    generateReport(period: $period, timeZone: $timeZone, scope: INSTANCE) {
      __typename
      ... on Report {
        id
      }
      ... on ValidationError {
        message
      }
    }
  }
`);
