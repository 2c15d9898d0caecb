import { describe, expect, it } from 'vitest';
import { bytesBySite, detectLeak, topGrowingSites } from './leak-detector.ts';
import type { SampledHeapNode } from './leak-detector.ts';

const T0 = 1_767_225_600_000;
const MB = 1024 * 1024;
const MINUTE = 60_000;

/** One sample a minute for 30 minutes. */
const series = (heapAt: (minute: number) => number) =>
  Array.from({ length: 30 }, (_, minute) => ({
    at: T0 + minute * MINUTE,
    heapUsedBytes: heapAt(minute),
  }));
const now = T0 + 29 * MINUTE;

describe('detectLeak', () => {
  it('fires on a heap whose floor rises steadily, with the growth rate', () => {
    // 1 MB a minute, with GC noise on top.
    const verdict = detectLeak(
      series((m) => (100 + m + (m % 3) * 5) * MB),
      now,
    );
    expect(verdict.leaking).toBe(true);
    expect(verdict.growthBytesPerHour! / MB).toBeGreaterThan(50);
    expect(verdict.growthBytesPerHour! / MB).toBeLessThan(70);
  });

  it('stays quiet on a sawtooth heap that GC brings back to the same floor', () => {
    const verdict = detectLeak(
      series((m) => (100 + (m % 5) * 40) * MB),
      now,
    );
    expect(verdict.leaking).toBe(false);
  });

  it('stays quiet on slow growth and on too few samples', () => {
    expect(
      detectLeak(
        series((m) => 100 * MB + m * 100_000),
        now,
      ).leaking,
    ).toBe(false);
    expect(detectLeak(series((m) => (100 + m * 10) * MB).slice(0, 5), now)).toMatchObject({
      leaking: false,
      growthBytesPerHour: null,
      samples: 5,
    });
  });
});

describe('topGrowingSites', () => {
  const node = (
    name: string,
    selfSize: number,
    children: SampledHeapNode[] = [],
  ): SampledHeapNode => ({
    callFrame: { functionName: name, url: 'file:///app/src/leaky.ts', lineNumber: 9 },
    selfSize,
    children,
  });

  it('names the allocation sites that grew most, largest first', () => {
    const before = bytesBySite(node('(root)', 0, [node('retain', 1_000), node('render', 5_000)]));
    const after = bytesBySite(
      node('(root)', 0, [node('retain', 90_000), node('render', 5_000), node('', 3_000)]),
    );
    expect(topGrowingSites(before, after)).toEqual([
      { site: 'retain (leaky.ts:10)', beforeBytes: 1_000, afterBytes: 90_000, growthBytes: 89_000 },
      { site: '(anonymous) (leaky.ts:10)', beforeBytes: 0, afterBytes: 3_000, growthBytes: 3_000 },
    ]);
  });
});
