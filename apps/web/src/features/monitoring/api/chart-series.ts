import { graphql } from '../../../gql/gql.ts';

/** API response time percentiles per step. */
export const ResponseTimeSeriesQuery = graphql(`
  query ResponseTimeSeries($range: TimeRangeInput!, $step: Int!, $instance: String) {
    p50: series(
      name: "api.responseTime"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: P50
    ) {
      t
      value
    }
    p95: series(
      name: "api.responseTime"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: P95
    ) {
      t
      value
    }
    p99: series(
      name: "api.responseTime"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: P99
    ) {
      t
      value
    }
  }
`);

/** Requests and server errors per second. */
export const ThroughputSeriesQuery = graphql(`
  query ThroughputSeries($range: TimeRangeInput!, $step: Int!, $instance: String) {
    requests: series(
      name: "api.requests"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: RATE
    ) {
      t
      value
    }
    serverErrors: series(
      name: "api.errors"
      tags: [{ key: "type", value: "server" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: RATE
    ) {
      t
      value
    }
  }
`);

/** Server errors per request (the collector's 5-minute gauge). */
export const ErrorRateSeriesQuery = graphql(`
  query ErrorRateSeries($range: TimeRangeInput!, $step: Int!, $instance: String) {
    errorRate: series(
      name: "api.errorRate"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: AVG
    ) {
      t
      value
    }
  }
`);

/** V8 heap and resident set size. */
export const MemorySeriesQuery = graphql(`
  query MemorySeries($range: TimeRangeInput!, $step: Int!, $instance: String) {
    heap: series(
      name: "process.heapUsedMB"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: AVG
    ) {
      t
      value
    }
    rss: series(
      name: "process.rssMB"
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: AVG
    ) {
      t
      value
    }
  }
`);

/**
 * Hits and misses per step of the four cache tiers: the server's memory and Redis tiers
 * (`cache.lookups`) and the browsers' Service Worker and localStorage tiers
 * (`browser.cache.lookups`, from `/rum`). The chart divides them into hit rates.
 */
export const CacheLookupSeriesQuery = graphql(`
  query CacheLookupSeries($range: TimeRangeInput!, $step: Int!, $instance: String) {
    memoryHits: series(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "memory" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    memoryMisses: series(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "memory" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    redisHits: series(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "redis" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    redisMisses: series(
      name: "cache.lookups"
      tags: [{ key: "tier", value: "redis" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    serviceWorkerHits: series(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "serviceWorker" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    serviceWorkerMisses: series(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "serviceWorker" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    localStorageHits: series(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "localStorage" }, { key: "outcome", value: "hit" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
    localStorageMisses: series(
      name: "browser.cache.lookups"
      tags: [{ key: "tier", value: "localStorage" }, { key: "outcome", value: "miss" }]
      range: $range
      instance: $instance
      stepSeconds: $step
      stat: SUM
    ) {
      t
      value
    }
  }
`);
