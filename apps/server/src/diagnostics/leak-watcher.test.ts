import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../alerting/alert-events.ts';
import { exposeGarbageCollector } from '../memory/garbage-collector.ts';
import { createHeapHistory } from './heap-history.ts';
import { startHeapSampler } from './heap-sampler.ts';
import { createLeakWatcher } from './leak-watcher.ts';

const T0 = 1_767_225_600_000;
const retained: { index: number; label: string }[][] = [];

function leakyEntry(index: number) {
  return { index, label: `entry ${index}` };
}

/** About 4 MB that stays reachable. */
function leakyAllocation(): void {
  retained.push(Array.from({ length: 50_000 }, (_, index) => leakyEntry(index)));
}

describe('the leak watcher on this process', () => {
  it('fires on a deliberate leak with its growth rate and the allocation site that grew', async () => {
    const gc = exposeGarbageCollector();
    if (gc === null) throw new Error('this V8 refuses to expose gc');
    let now = T0;
    const history = createHeapHistory({ now: () => now, minIntervalMs: 60_000 });
    const sampler = await startHeapSampler(16 * 1024);
    const events: AlertEvent[] = [];
    const watcher = createLeakWatcher({
      samples: () => history.samples(),
      profile: () => sampler.profile(),
      publish: (event) => events.push(event),
      now: () => now,
      instanceId: 'test',
      detector: { minGrowthBytesPerHour: 60 * 1024 * 1024 },
    });
    try {
      expect((await watcher.check()).leaking).toBe(false);
      for (let minute = 0; minute < 14; minute++) {
        leakyAllocation();
        gc();
        history.record();
        now += 60_000;
      }
      const found = await watcher.check();
      expect(found).toMatchObject({ leaking: true, alerted: true });
      expect(found.growthBytesPerHour!).toBeGreaterThan(60 * 1024 * 1024);
      expect(found.growingSites.some((site) => site.site.startsWith('leaky'))).toBe(true);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'raised',
        alert: { alert: { ruleId: 'leak-detector' } },
      });
      expect(events[0]!.comment).toMatch(
        /^Heap after GC grows [\d.]+ MB\/h on test; growing most: /,
      );
      // The same episode does not alert again.
      expect((await watcher.check()).alerted).toBe(false);
    } finally {
      retained.length = 0;
      history.stop();
      await sampler.stop();
    }
  });
});
