import { graphql } from '../../../gql/gql.ts';

/** The latest snapshot at once, then one per collection tick, pushed over graphql-ws. */
export const DashboardSnapshotSubscription = graphql(`
  subscription DashboardSnapshot {
    snapshot {
      at
      ...MonitoringDashboard_SnapshotFragment
      ...MetricCards_SnapshotFragment
      ...DependencyStatusList_SnapshotFragment
      ...RecentAlerts_SnapshotFragment
    }
  }
`);
