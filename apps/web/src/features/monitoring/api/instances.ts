import { graphql } from '../../../gql/gql.ts';

/** The deployment's instances, for the instance picker. */
export const MonitoringInstancesQuery = graphql(`
  query MonitoringInstances {
    instances {
      id
      status
      leader
    }
  }
`);
