import { graphql } from '../../../gql/gql.ts';

/** Report schedules (admin key). */
export const ReportSchedulesQuery = graphql(`
  query ReportSchedules {
    reportSchedules {
      id
      name
      period
      timeZone
      cron
      recipients
      formats
      slack
      enabled
      nextRunAt
      lastRunAt
    }
  }
`);

/** Adds a schedule (admin key). */
export const CreateReportScheduleMutation = graphql(`
  mutation CreateReportSchedule($input: ReportScheduleInput!) {
    createReportSchedule(input: $input) {
      __typename
      ... on ReportSchedule {
        id
      }
      ... on ValidationError {
        message
        errors {
          field
          message
        }
      }
    }
  }
`);

/** Switches a schedule on or off (admin key). */
export const UpdateReportScheduleMutation = graphql(`
  mutation UpdateReportSchedule($id: ID!, $input: ReportSchedulePatch!) {
    updateReportSchedule(id: $id, input: $input) {
      __typename
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** Removes a schedule (admin key). */
export const DeleteReportScheduleMutation = graphql(`
  mutation DeleteReportSchedule($id: ID!) {
    deleteReportSchedule(id: $id) {
      __typename
    }
  }
`);
