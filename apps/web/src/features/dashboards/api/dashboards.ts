import { graphql } from '../../../gql/gql.ts';

/** The dashboards this browser may read. */
export const DashboardListQuery = graphql(`
  query DashboardList {
    dashboards {
      id
      title
      description
      tags
      visibility
      role
      version
      builtIn
      owner
      canEdit
      updatedAt
      document
    }
  }
`);

/** One dashboard with its document and the values its variables offer. */
export const DashboardQuery = graphql(`
  query Dashboard($id: ID!) {
    dashboard(id: $id) {
      id
      title
      visibility
      role
      version
      builtIn
      owner
      canEdit
      document
      variableOptions {
        name
        values
      }
    }
  }
`);

/** Every panel's data of a stored dashboard in one request (all, or `panelIds`). */
export const DashboardPanelDataQuery = graphql(`
  query DashboardPanelData(
    $id: ID!
    $panelIds: [ID!]
    $variables: [VariableValueInput!]
    $window: StatsWindow
  ) {
    dashboardPanelData(id: $id, panelIds: $panelIds, variables: $variables, window: $window) {
      panelId
      ...PanelData_PanelDataFragment
    }
  }
`);

/** The editor's preview: the panels' data of an unsaved document. */
export const PreviewPanelsQuery = graphql(`
  query PreviewPanels($document: JSON!, $variables: [VariableValueInput!], $window: StatsWindow) {
    previewDashboardPanels(document: $document, variables: $variables, window: $window) {
      panelId
      ...PanelData_PanelDataFragment
    }
  }
`);

/** What a panel draws. */
export const PanelDataFragment = graphql(`
  fragment PanelData_PanelDataFragment on PanelData {
    panelId
    error
    series {
      query
      label
      group
      stat
      unit
      value
      points {
        t
        value
      }
    }
    heatmap {
      bounds
      unit
      columns {
        t
        counts
      }
    }
    alerts {
      fingerprint
      ruleName
      severity
      status
      metric
      value
      threshold
      startsAt
    }
  }
`);

/** Series with their tags, for the query editor's metric and tag autocomplete. */
export const MetricSeriesQuery = graphql(`
  query MetricSeries {
    metrics {
      name
      unit
      kind
      tags {
        key
        value
      }
    }
  }
`);

/** Stores a new dashboard. */
export const CreateDashboardMutation = graphql(`
  mutation CreateDashboard($input: DashboardInput!) {
    createDashboard(input: $input) {
      __typename
      ... on Dashboard {
        id
        version
      }
      ... on ValidationError {
        message
        errors {
          field
          message
        }
      }
      ... on DashboardAccessError {
        message
      }
    }
  }
`);

/** Saves a new version on top of `version`. */
export const UpdateDashboardMutation = graphql(`
  mutation UpdateDashboard($id: ID!, $version: Int!, $input: DashboardInput!) {
    updateDashboard(id: $id, version: $version, input: $input) {
      __typename
      ... on Dashboard {
        id
        version
        document
      }
      ... on ValidationError {
        message
        errors {
          field
          message
        }
      }
      ... on DashboardConflictError {
        message
        current {
          version
        }
      }
      ... on DashboardAccessError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** Removes a dashboard. */
export const DeleteDashboardMutation = graphql(`
  mutation DeleteDashboard($id: ID!) {
    deleteDashboard(id: $id) {
      __typename
      ... on DashboardAccessError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** Saved versions, newest first. */
export const DashboardVersionsQuery = graphql(`
  query DashboardVersions($id: ID!) {
    dashboardVersions(id: $id) {
      version
      title
      savedAt
      savedBy
    }
  }
`);

/** Saves an earlier version as the newest. */
export const RestoreDashboardVersionMutation = graphql(`
  mutation RestoreDashboardVersion($id: ID!, $version: Int!, $currentVersion: Int!) {
    restoreDashboardVersion(id: $id, version: $version, currentVersion: $currentVersion) {
      __typename
      ... on Dashboard {
        id
        version
      }
      ... on DashboardConflictError {
        message
      }
      ... on DashboardAccessError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);
