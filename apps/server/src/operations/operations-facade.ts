import { join } from 'node:path';
import { CACHE_TTL_PRESETS } from '@taurine/cache';
import type { CacheKeyFamily, TieredCache } from '@taurine/cache';
import { systemClock } from '@taurine/monitor';
import type { MetricsRegistry } from '@taurine/monitor';
import type { AutomaticResponseRepository } from '@taurine/store';
import type { AuditRecorder } from '../access/audit.ts';
import type { CacheOperations } from '../cache/cache-operations.ts';
import { createDiagnosticsService } from '../diagnostics/diagnostics-service.ts';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service.ts';
import { createHeapHistory } from '../diagnostics/heap-history.ts';
import { startHeapSampler } from '../diagnostics/heap-sampler.ts';
import { createLeakWatcher } from '../diagnostics/leak-watcher.ts';
import type { LeakWatcher } from '../diagnostics/leak-watcher.ts';
import type { TaurinePubSub } from '../infra/pubsub.ts';
import { createAutomaticResponses } from './automatic-responses.ts';
import type { AutomaticResponses } from './automatic-responses.ts';
import type { CacheKeyWatch } from './cache-key-watch.ts';
import { createLoadShedder } from './load-shedder.ts';
import type { LoadShedder } from './load-shedder.ts';
import type { OperationsConfig } from './operations-config.ts';
import { createResponseActions } from './response-actions.ts';
import { readResponseSignals } from './response-signals.ts';
import { createSuggestionsService } from './suggestions-service.ts';
import type { SuggestionsService } from './suggestions-service.ts';

/** What the API uses of the operations side. */
export interface Operations {
  suggestions: SuggestionsService;
  responses: AutomaticResponses;
  /** This instance's load shedder (the leader's `shedLoad` turns it on everywhere). */
  shedder: LoadShedder;
  diagnostics: DiagnosticsService;
}

/** What {@link createOperations} is built from (made by the composition root). */
export interface OperationsOptions {
  config: OperationsConfig;
  dataDir: string;
  instanceId: string;
  repo: AutomaticResponseRepository;
  registry: MetricsRegistry;
  cache: TieredCache;
  cacheOps: CacheOperations;
  keys: CacheKeyWatch;
  pubsub: TaurinePubSub;
  audit: AuditRecorder;
}

/**
 * The operations side: suggestions, the automatic responses with this instance's load shedder
 * (switched on everywhere through pub/sub), heap history, the leak watcher and the diagnostics.
 * `stop` ends the pub/sub listener, the GC observer and the heap sampler.
 */
export async function createOperations(options: OperationsOptions): Promise<{
  operations: Operations;
  leaks: LeakWatcher;
  stop: () => Promise<void>;
}> {
  const { config, registry, pubsub, cache, keys } = options;
  const shedder = createLoadShedder();
  const shedding = pubsub.subscribe('loadShedding');
  void (async () => {
    for await (const until of shedding) if (typeof until === 'number') shedder.shedUntil(until);
  })();
  const ttls = pubsub.subscribe('cacheTtl');
  void (async () => {
    for await (const change of ttls) applyFamilyTtl(cache, change);
  })();
  const publish: Parameters<typeof createAutomaticResponses>[0]['publish'] = (event) => {
    pubsub.publish('alertEvent', event);
  };
  const responses = createAutomaticResponses({
    repo: options.repo,
    readSignals: () => readResponseSignals(registry, keys),
    actions: createResponseActions({
      cache,
      cacheOps: options.cacheOps,
      shedUntil: (until) => {
        pubsub.publish('loadShedding', until);
      },
      setFamilyTtl: (family, ttlMs) => {
        pubsub.publish('cacheTtl', { family, ttlMs });
      },
    }),
    audit: options.audit,
    publish,
    clock: systemClock,
    instanceId: options.instanceId,
    sustainMs: config.responseSustainMs,
  });
  const heap = createHeapHistory();
  const sampler = config.leakDetector ? await startHeapSampler() : undefined;
  const leaks = createLeakWatcher({
    samples: () => heap.samples(),
    ...(sampler ? { profile: () => sampler.profile() } : {}),
    publish,
    instanceId: options.instanceId,
  });
  const suggestions = createSuggestionsService({
    registry,
    keys,
    heap: () => heap.samples(),
    responses: async () =>
      (await responses.list()).map((view) => ({
        name: view.name,
        enabled: view.settings.enabled,
        condition: view.condition,
      })),
  });
  const diagnostics = createDiagnosticsService({
    directory: join(options.dataDir, 'diagnostics'),
    heapSnapshotLimitBytes: config.heapSnapshotMaxMb * 1024 * 1024,
    maxPerHour: config.diagnosticsPerHour,
  });
  return {
    operations: { suggestions, responses, shedder, diagnostics },
    leaks,
    async stop() {
      await shedding.return();
      await ttls.return();
      heap.stop();
      await sampler?.stop();
    },
  };
}

/** Applies a TTL change from the leader (it may have crossed Redis: checked before use). */
function applyFamilyTtl(cache: TieredCache, change: unknown): void {
  const { family, ttlMs } = (change ?? {}) as { family?: unknown; ttlMs?: unknown };
  if (typeof family !== 'string' || !Object.hasOwn(CACHE_TTL_PRESETS, family)) return;
  if (typeof ttlMs !== 'number' || !(ttlMs > 0)) return;
  cache.setFamilyTtl(family as CacheKeyFamily, ttlMs);
}
