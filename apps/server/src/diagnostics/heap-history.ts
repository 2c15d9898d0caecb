import { PerformanceObserver, constants } from 'node:perf_hooks';
import type { HeapSample } from '@taurine/monitor/operations';

/** Options of {@link createHeapHistory}. */
export interface HeapHistoryOptions {
  /** Samples kept (a ring). @default 2000 */
  capacity?: number;
  /** Least time between two samples. @default 10000 */
  minIntervalMs?: number;
  /** @default Date.now */
  now?: () => number;
  /** @default () => process.memoryUsage().heapUsed */
  heapUsed?: () => number;
}

/** Heap used right after each major garbage collection, over a long window. */
export interface HeapHistory {
  /** The samples, oldest first. */
  samples(): HeapSample[];
  /** Adds a sample now (the observer does this after each major GC). */
  record(): void;
  /** Stops observing GCs. */
  stop(): void;
}

/**
 * Records heap used after each major (mark-sweep-compact) GC, at most one sample per
 * `minIntervalMs`: right after a full collection the heap holds what is still reachable, so a
 * rising floor is a leak and not allocation churn.
 */
export function createHeapHistory(options: HeapHistoryOptions = {}): HeapHistory {
  const { capacity = 2000, minIntervalMs = 10_000 } = options;
  const now = options.now ?? Date.now;
  const heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
  const ring: HeapSample[] = [];
  let lastAt = -Infinity;
  const record = () => {
    const at = now();
    if (at - lastAt < minIntervalMs) return;
    lastAt = at;
    ring.push({ at, heapUsedBytes: heapUsed() });
    if (ring.length > capacity) ring.shift();
  };
  const observer = new PerformanceObserver((list) => {
    const major = list.getEntries().some((entry) => {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      return detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
    });
    if (major) record();
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    samples: () => [...ring],
    record,
    stop: () => {
      observer.disconnect();
    },
  };
}
