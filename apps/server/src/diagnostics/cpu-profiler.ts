import { Session } from 'node:inspector/promises';

/** The `.cpuprofile` format Chrome DevTools opens (V8's `Profiler.Profile`). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Profiles this process's CPU for `durationMs` through `node:inspector` and returns the profile
 * (write it as JSON to a `.cpuprofile` file). The process keeps serving while it runs.
 * @param wait how the duration is waited for (tests may pass a condition instead of a timer)
 */
export async function profileCpu(
  durationMs: number,
  wait: (ms: number) => Promise<void> = (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    // 1 ms sampling: fine enough for request handlers, cheap enough to run in production.
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    await wait(durationMs);
    const { profile } = await session.post('Profiler.stop');
    return profile as CpuProfile;
  } finally {
    session.disconnect();
  }
}
