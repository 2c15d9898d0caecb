import { RUM_LIMITS } from '@taurine/vitals';
import type { CacheTierCounts, DeviceType, RumBatch, VitalReport } from '@taurine/vitals';

export interface VitalsQueueOptions {
  route: string;
  device: DeviceType;
  sessionId: string;
  /** The cache tiers' counts since the last batch (taken, so they reset). */
  takeCacheCounts: () => CacheTierCounts[];
  /** Puts counts back when a batch could not be handed to the browser. */
  restoreCacheCounts: (counts: CacheTierCounts[]) => void;
  /** Hands the batch to the browser; false when it refused (too large, queue full). */
  send: (body: string) => boolean;
}

/**
 * Collects vitals until the page is hidden, then sends them in one batch with the cache counts.
 * CLS and INP are reported again each time they grow, under the same id: the queue keeps the
 * latest value per id, and an id goes out once. Later reports of an id that was sent are dropped,
 * because `/rum` adds every value it gets to a distribution and cannot replace one.
 */
export function createVitalsQueue(options: VitalsQueueOptions) {
  const pending = new Map<string, VitalReport>();
  const sent = new Set<string>();

  return {
    add(vital: VitalReport): void {
      if (sent.has(vital.id)) return;
      pending.set(vital.id, vital);
    },
    /** Sends what is queued; returns the batch, or null when there was nothing to send. */
    flush(): RumBatch | null {
      const vitals = [...pending.values()].slice(0, RUM_LIMITS.maxVitals);
      const cache = options.takeCacheCounts();
      if (vitals.length === 0 && cache.length === 0) return null;
      const batch: RumBatch = {
        route: options.route,
        device: options.device,
        sessionId: options.sessionId,
        vitals,
        cache,
      };
      if (!options.send(JSON.stringify(batch))) {
        options.restoreCacheCounts(cache);
        return null;
      }
      for (const vital of vitals) {
        pending.delete(vital.id);
        sent.add(vital.id);
      }
      return batch;
    },
    get size(): number {
      return pending.size;
    },
  };
}
