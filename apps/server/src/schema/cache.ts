import { CacheError } from '@taurine/cache';
import type { OptimizeMemoryResult } from '@taurine/cache';
import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';
import { cacheReport } from '../cache/cache-report.ts';
import type { CacheReport, CacheTierReport } from '../cache/cache-report.ts';

const TierStatusEnum = builder.enumType('CacheTierStatus', {
  values: {
    UP: { value: 'up' },
    DOWN: { value: 'down' },
    DISABLED: { value: 'disabled' },
  } as const,
});

const CacheTierRef = builder.objectRef<CacheTierReport>('CacheTier').implement({
  description:
    'One cache tier. Server tiers (memory, redis) report live figures; browser tiers (serviceWorker, localStorage) report what browsers sent with their vitals over the last 24 h.',
  fields: (t) => ({
    name: t.exposeString('name'),
    location: t.exposeString('location', { description: '`server` or `browser`.' }),
    status: t.field({ type: TierStatusEnum, resolve: (tier) => tier.status }),
    hits: t.exposeFloat('hits'),
    misses: t.exposeFloat('misses'),
    hitRate: t.exposeFloat('hitRate', {
      nullable: true,
      description: '0..1; null without lookups.',
    }),
    totalRequests: t.float({ resolve: (tier) => tier.hits + tier.misses }),
    avgResponseTimeMs: t.exposeFloat('avgResponseTimeMs', { nullable: true }),
    p95ResponseTimeMs: t.exposeFloat('p95ResponseTimeMs', { nullable: true }),
    memoryUsageMB: t.exposeFloat('memoryUsageMB', { nullable: true }),
    keys: t.exposeFloat('keys', { nullable: true }),
    evictions: t.exposeFloat('evictions', { nullable: true }),
    compressionRatio: t.exposeFloat('compressionRatio', { nullable: true }),
  }),
});

const CacheReportRef = builder.objectRef<CacheReport>('CacheReport').implement({
  fields: (t) => ({
    hitRate: t.exposeFloat('hitRate', {
      nullable: true,
      description:
        'Requests answered by any server tier, 0..1, since start; null without requests.',
    }),
    requests: t.exposeFloat('requests'),
    loaderCalls: t.exposeFloat('loaderCalls'),
    tiers: t.field({ type: [CacheTierRef], resolve: (report) => report.tiers }),
  }),
});

builder.queryField('caches', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: CacheReportRef,
    description: 'Overall and per-tier cache figures: memory, Redis, Service Worker, localStorage.',
    resolve: (_root, _args, { services }) => cacheReport(services.cache, services.metrics.registry),
  }),
);

interface WarmReport {
  warmed: string[];
  skipped: string[];
  failed: { key: string; message: string }[];
}

const FailedKeyRef = builder.objectRef<WarmReport['failed'][number]>('CacheWarmFailure').implement({
  fields: (t) => ({ key: t.exposeString('key'), message: t.exposeString('message') }),
});

const WarmReportRef = builder.objectRef<WarmReport>('CacheWarmReport').implement({
  fields: (t) => ({
    warmed: t.exposeStringList('warmed'),
    skipped: t.exposeStringList('skipped'),
    failed: t.field({ type: [FailedKeyRef], resolve: (report) => report.failed }),
  }),
});

builder.mutationField('warmCache', (t) =>
  t.field({
    authScopes: { operator: true },
    type: WarmReportRef,
    description:
      'Loads keys into the cache: the given catalogue keys, or (default) the most used keys so far, or the catalogue basics when nothing was used yet.',
    args: { keys: t.arg.stringList({ required: false }) },
    resolve: async (_root, args, { services }) => {
      const result = await services.cacheOps.warm(args.keys ?? undefined);
      return {
        warmed: result.warmed,
        skipped: result.skipped,
        failed: result.failed.map(({ key, error }) => ({
          key,
          message: error instanceof Error ? error.message : String(error),
        })),
      };
    },
  }),
);

interface ClearReport {
  pattern: string;
  memory: number;
  redis: number | null;
}

const ClearReportRef = builder.objectRef<ClearReport>('CacheClearReport').implement({
  fields: (t) => ({
    pattern: t.exposeString('pattern'),
    memory: t.exposeInt('memory', {
      description: 'Keys removed from this instance’s memory tier.',
    }),
    redis: t.exposeInt('redis', {
      nullable: true,
      description: 'Keys removed from Redis; null when Redis is disabled or down (replayed later).',
    }),
  }),
});

const ClearResultRef = builder.unionType('ClearCacheResult', {
  types: [ClearReportRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : ClearReportRef),
});

builder.mutationField('clearCache', (t) =>
  t.field({
    authScopes: { operator: true },
    type: ClearResultRef,
    description:
      'Removes keys matching a glob (`*` any run, `?` one character) from every tier on every instance, e.g. `data:flavors:*`.',
    args: { pattern: t.arg.string({ required: true }) },
    resolve: async (_root, { pattern }, { services }) => {
      try {
        return { pattern, ...(await services.cache.clear(pattern)) };
      } catch (error) {
        if (error instanceof CacheError) {
          return validationError([{ field: 'pattern', code: error.code, message: error.message }]);
        }
        throw error;
      }
    },
  }),
);

const DeleteReportRef = builder
  .objectRef<{ key: string; deleted: boolean }>('CacheDeleteReport')
  .implement({
    fields: (t) => ({ key: t.exposeString('key'), deleted: t.exposeBoolean('deleted') }),
  });

const DeleteResultRef = builder.unionType('DeleteCacheKeyResult', {
  types: [DeleteReportRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : DeleteReportRef),
});

builder.mutationField('deleteCacheKey', (t) =>
  t.field({
    authScopes: { operator: true },
    type: DeleteResultRef,
    description: 'Removes one key from every tier on every instance.',
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_root, { key }, { services }) => {
      try {
        return { key, deleted: await services.cache.delete(key) };
      } catch (error) {
        if (error instanceof CacheError) {
          return validationError([{ field: 'key', code: error.code, message: error.message }]);
        }
        throw error;
      }
    },
  }),
);

const OptimizeReportRef = builder
  .objectRef<OptimizeMemoryResult>('MemoryOptimizationReport')
  .implement({
    description:
      'What `optimizeMemory` freed: heap before and after a full GC, and what it trimmed.',
    fields: (t) => ({
      gcRan: t.exposeBoolean('gcRan', {
        description: 'Whether a full garbage collection ran between the two heap readings.',
      }),
      heapBytesBefore: t.exposeFloat('heapBytesBefore', { description: 'V8 heap in use before.' }),
      heapBytesAfter: t.exposeFloat('heapBytesAfter', {
        description: 'V8 heap in use after trimming and the GC.',
      }),
      tierBytesBefore: t.exposeFloat('tierBytesBefore', {
        description: 'Memory tier bytes before.',
      }),
      tierBytesAfter: t.exposeFloat('tierBytesAfter', { description: 'Memory tier bytes after.' }),
      entriesRemoved: t.exposeInt('entriesRemoved', {
        description: '`expiredEntriesRemoved` + `trimmedEntriesRemoved`.',
      }),
      expiredEntriesRemoved: t.exposeInt('expiredEntriesRemoved', {
        description: 'Entries past their TTL (always dropped).',
      }),
      trimmedEntriesRemoved: t.exposeInt('trimmedEntriesRemoved', {
        description: 'Live entries dropped, least recently used first, to reach `targetShare`.',
      }),
    }),
  });

builder.mutationField('optimizeMemory', (t) =>
  t.field({
    authScopes: { operator: true },
    type: OptimizeReportRef,
    description:
      'Frees server memory: drops expired cache entries, trims the memory tier to `targetShare` of its bound (least recently used first) and runs a full garbage collection.',
    args: {
      targetShare: t.arg.float({
        required: false,
        description:
          'Share of the memory tier bound (0..1) to keep; 0 empties the tier. Default 0.75: only a tier above 75 % of its bound loses live entries.',
      }),
    },
    resolve: (_root, args, { services }) => {
      const targetShare = args.targetShare ?? undefined;
      if (targetShare !== undefined && !(targetShare >= 0 && targetShare <= 1)) {
        throw new GraphQLError('targetShare must be from 0 to 1', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return services.cache.optimizeMemory({ targetShare });
    },
  }),
);
