import { Session } from 'node:inspector/promises';
import type { SampledHeapNode } from '@taurine/monitor/operations';

/**
 * V8's sampling heap profiler, kept running: `profile()` returns the allocations sampled so far
 * that are still alive (one sample per `intervalBytes` allocated on average), cheap enough to
 * leave on for a leak detector.
 */
export interface HeapSampler {
  profile(): Promise<SampledHeapNode>;
  stop(): Promise<void>;
}

export async function startHeapSampler(intervalBytes = 512 * 1024): Promise<HeapSampler> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: intervalBytes });
  return {
    async profile() {
      const { profile } = await session.post('HeapProfiler.getSamplingProfile');
      return profile.head as SampledHeapNode;
    },
    async stop() {
      try {
        await session.post('HeapProfiler.stopSampling');
      } finally {
        session.disconnect();
      }
    },
  };
}
