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

interface Shared {
  session: Session;
  users: number;
  started: Promise<void>;
}

// V8 has one sampling heap profiler per isolate: every app in this process (tests run several)
// shares it, and the last one to stop turns it off.
let shared: Shared | undefined;

export async function startHeapSampler(intervalBytes = 512 * 1024): Promise<HeapSampler> {
  if (shared === undefined) {
    const session = new Session();
    session.connect();
    const started = (async () => {
      await session.post('HeapProfiler.enable');
      await session.post('HeapProfiler.startSampling', { samplingInterval: intervalBytes });
    })();
    shared = { session, users: 0, started };
  }
  const mine = shared;
  mine.users += 1;
  await mine.started;
  let stopped = false;
  return {
    async profile() {
      const { profile } = await mine.session.post('HeapProfiler.getSamplingProfile');
      return profile.head;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      mine.users -= 1;
      if (mine.users > 0) return;
      if (shared === mine) shared = undefined;
      try {
        await mine.session.post('HeapProfiler.stopSampling');
      } finally {
        mine.session.disconnect();
      }
    },
  };
}
