import { graphql } from '../../../gql/gql.ts';

/** Hits and misses of the four cache tiers over the dashboard's range. */
export const CacheTierTotalsQuery = graphql(`
  query CacheTierTotals($range: TimeRangeInput!, $instance: String) {
    memoryHits: stats(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "memory" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    memoryMisses: stats(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "memory" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    redisHits: stats(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "redis" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    redisMisses: stats(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "redis" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    serviceWorkerHits: stats(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "serviceWorker" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    serviceWorkerMisses: stats(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "serviceWorker" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    localStorageHits: stats(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "localStorage" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
    localStorageMisses: stats(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "localStorage" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
    ) {
      sum
    }
  }
`);
