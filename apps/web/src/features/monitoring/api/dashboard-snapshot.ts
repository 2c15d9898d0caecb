import { graphql } from '../../../gql/gql.ts';

/**
 * The latest snapshot at once, then one per collection tick, pushed over graphql-ws: the
 * deployment's, or one `instance`'s own.
 */
export const DashboardSnapshotSubscription = graphql(`
  subscription DashboardSnapshot($instance: String) {
    snapshot(instance: $instance) {
      at
      ...MonitoringDashboard_SnapshotFragment
      ...MetricCards_SnapshotFragment
      ...DependencyStatusList_SnapshotFragment
      ...RecentAlerts_SnapshotFragment
    }
  }
`);
