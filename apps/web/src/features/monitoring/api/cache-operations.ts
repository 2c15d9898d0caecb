import { graphql } from '../../../gql/gql.ts';

/** Loads keys into the cache: the given ones, or the most used so far (operator). */
export const WarmCacheMutation = graphql(`
  mutation WarmCache($keys: [String!]) {
    warmCache(keys: $keys) {
      warmed
      skipped
      failed {
        key
        message
      }
    }
  }
`);

/** Removes every key matching a glob from every tier on every instance (operator). */
export const ClearCacheMutation = graphql(`
  mutation ClearCache($pattern: String!) {
    clearCache(pattern: $pattern) {
      __typename
      ... on CacheClearReport {
        pattern
        memory
        redis
      }
      ... on ValidationError {
        message
      }
    }
  }
`);

/** Removes one key from every tier on every instance (operator). */
export const DeleteCacheKeyMutation = graphql(`
  mutation DeleteCacheKey($key: String!) {
    deleteCacheKey(key: $key) {
      __typename
      ... on CacheDeleteReport {
        key
        deleted
      }
      ... on ValidationError {
        message
      }
    }
  }
`);

/** Drops expired entries, trims the memory tier and runs a full GC (operator). */
export const OptimizeMemoryMutation = graphql(`
  mutation OptimizeMemory {
    optimizeMemory {
      entriesRemoved
      expiredEntriesRemoved
      trimmedEntriesRemoved
      gcRan
      heapBytesBefore
      heapBytesAfter
      tierBytesBefore
      tierBytesAfter
    }
  }
`);
