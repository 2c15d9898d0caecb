import { graphql } from '../../../gql/gql.ts';

/** The server clock over graphql-ws: proves the subscription path until live snapshots arrive. */
export const ServerTimeSubscription = graphql(`
  subscription ServerTime($intervalMs: Int!) {
    serverTime(intervalMs: $intervalMs)
  }
`);
