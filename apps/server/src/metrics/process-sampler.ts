import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { delayObservations } from './event-loop-observations.ts';
import type { DelayObservations } from './event-loop-observations.ts';

/** One reading of the process's own health. */
export interface ProcessSample {
  heapUsedMB: number;
  heapTotalMB: number;
  rssMB: number;
  externalMB: number;
  /** Heap used as a share of V8's heap limit, 0..1. */
  heapUsedRatio: number;
  /**
   * Event-loop delay since the previous sample, in ms (null before any was measured), with the
   * observations behind it (values as libuv's timer reports them, resolution included).
   */
  eventLoopDelay: {
    meanMs: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    observations: DelayObservations[];
  } | null;
  /** CPU time used since the previous sample as a share of one core (can exceed 1). */
  cpuUsage: number;
  uptimeSeconds: number;
}

const MB = 1024 * 1024;

/**
 * Samples memory, event-loop delay and CPU. Event-loop delay comes from
 * `perf_hooks.monitorEventLoopDelay` (a histogram sampled every 20 ms by libuv) and is reset on
 * every sample, so each reading covers the time since the previous one.
 */
export class ProcessSampler {
  readonly #histogram: IntervalHistogram;
  #lastCpu = process.cpuUsage();
  #lastAt = performance.now();

  constructor() {
    this.#histogram = monitorEventLoopDelay({ resolution: 20 });
    this.#histogram.enable();
  }

  sample(): ProcessSample {
    const memory = process.memoryUsage();
    const heapLimit = getHeapStatistics().heap_size_limit;
    const cpu = process.cpuUsage(this.#lastCpu);
    const at = performance.now();
    const elapsedMs = Math.max(1, at - this.#lastAt);
    this.#lastCpu = process.cpuUsage();
    this.#lastAt = at;
    const h = this.#histogram;
    const eventLoopDelay =
      h.count > 0
        ? {
            meanMs: h.mean / 1e6,
            p50Ms: h.percentile(50) / 1e6,
            p99Ms: h.percentile(99) / 1e6,
            maxMs: h.max / 1e6,
            observations: delayObservations(h.percentiles, h.count),
          }
        : null;
    h.reset();
    return {
      heapUsedMB: memory.heapUsed / MB,
      heapTotalMB: memory.heapTotal / MB,
      rssMB: memory.rss / MB,
      externalMB: memory.external / MB,
      heapUsedRatio: memory.heapUsed / heapLimit,
      eventLoopDelay,
      cpuUsage: (cpu.user + cpu.system) / 1000 / elapsedMs,
      uptimeSeconds: process.uptime(),
    };
  }

  stop(): void {
    this.#histogram.disable();
  }
}
