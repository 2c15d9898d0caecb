import type { HeapSample } from './suggestion.ts';
import { bucketMinima, linearSlope } from './trend.ts';

/** When the leak detector speaks up, as data. */
export const LEAK_DETECTOR_DEFAULTS = {
  /** How far back samples are read. */
  windowMs: 30 * 60_000,
  /** Samples needed in the window before anything is said. */
  minSamples: 12,
  /** Equal time slices whose minima form the trend. */
  buckets: 6,
  /** Growth of the minima per hour that counts as a leak. */
  minGrowthBytesPerHour: 16 * 1024 * 1024,
  /** Share of slice-to-slice steps that must rise (a leak rises steadily). */
  minRisingShare: 0.8,
} as const;

export type LeakDetectorOptions = { -readonly [K in keyof typeof LEAK_DETECTOR_DEFAULTS]: number };

/** The detector's verdict over a window. */
export interface LeakVerdict {
  leaking: boolean;
  /** Growth of the heap's floor per hour (bytes); null without enough samples. */
  growthBytesPerHour: number | null;
  /** Share of slice-to-slice steps where the floor rose, 0..1. */
  risingShare: number;
  samples: number;
}

/**
 * Decides from heap-used-after-GC samples whether the heap leaks: the minimum of each time slice
 * (the floor a GC brings the heap back to) must rise in most steps and fast enough. A sawtooth heap
 * (allocation then collection back to the same floor) has flat minima and stays quiet. Pure.
 */
export function detectLeak(
  samples: readonly HeapSample[],
  now: number,
  options: Partial<LeakDetectorOptions> = {},
): LeakVerdict {
  const o: LeakDetectorOptions = { ...LEAK_DETECTOR_DEFAULTS, ...options };
  const recent = samples
    .filter((s) => s.at > now - o.windowMs && s.at <= now)
    .map((s) => ({ at: s.at, value: s.heapUsedBytes }));
  const quiet = {
    leaking: false,
    growthBytesPerHour: null,
    risingShare: 0,
    samples: recent.length,
  };
  if (recent.length < o.minSamples) return quiet;
  const minima = bucketMinima(recent, o.buckets);
  const slope = linearSlope(minima);
  if (slope === null || minima.length < 3) return quiet;
  let rising = 0;
  for (let index = 1; index < minima.length; index++) {
    if (minima[index]!.value > minima[index - 1]!.value) rising++;
  }
  const risingShare = rising / (minima.length - 1);
  const growthBytesPerHour = slope * 3_600_000;
  return {
    leaking: growthBytesPerHour >= o.minGrowthBytesPerHour && risingShare >= o.minRisingShare,
    growthBytesPerHour,
    risingShare,
    samples: recent.length,
  };
}

/** The part of a V8 sampling heap profile node the detector reads (`node:inspector`'s shape). */
export interface SampledHeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: readonly SampledHeapNode[];
}

/** Live sampled bytes per allocation site (`function (url:line)`), from one sampling profile. */
export function bytesBySite(root: SampledHeapNode): Map<string, number> {
  const sizes = new Map<string, number>();
  const stack: SampledHeapNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.selfSize > 0) {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.split('/').pop() ?? url;
      const site = `${functionName || '(anonymous)'} (${file || 'native'}:${lineNumber + 1})`;
      sizes.set(site, (sizes.get(site) ?? 0) + node.selfSize);
    }
    stack.push(...node.children);
  }
  return sizes;
}

/** One allocation site whose live bytes grew between two profiles. */
export interface GrowingSite {
  site: string;
  beforeBytes: number;
  afterBytes: number;
  growthBytes: number;
}

/** The `limit` sites that grew most from `before` to `after`, largest growth first. */
export function topGrowingSites(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  limit = 5,
): GrowingSite[] {
  return [...after.entries()]
    .map(([site, afterBytes]) => {
      const beforeBytes = before.get(site) ?? 0;
      return { site, beforeBytes, afterBytes, growthBytes: afterBytes - beforeBytes };
    })
    .filter((site) => site.growthBytes > 0)
    .sort((a, b) => b.growthBytes - a.growthBytes)
    .slice(0, limit);
}
