import { useEffect, useState } from 'react';

/** Totals of the Resource Timing entries seen so far. */
export interface ResourceTimingTotals {
  count: number;
  /** Bytes over the network (0 for memory, disk and Service Worker cache hits without a fetch). */
  transferBytes: number;
  /** Resources answered without a network transfer. */
  fromCache: number;
  averageDurationMs: number | null;
  byType: Record<string, number>;
  /** The slowest ten, slowest first. */
  slowest: { name: string; type: string; durationMs: number; transferBytes: number }[];
}

const EMPTY: ResourceTimingTotals = {
  count: 0,
  transferBytes: 0,
  fromCache: 0,
  averageDurationMs: null,
  byType: {},
  slowest: [],
};

/** Adds entries to the totals (pure, so it is tested without a browser). */
export function addResourceEntries(
  totals: ResourceTimingTotals,
  entries: readonly Pick<
    PerformanceResourceTiming,
    'name' | 'initiatorType' | 'duration' | 'transferSize' | 'decodedBodySize'
  >[],
): ResourceTimingTotals {
  if (entries.length === 0) return totals;
  let { count, transferBytes, fromCache } = totals;
  let durationSum = (totals.averageDurationMs ?? 0) * totals.count;
  const byType = { ...totals.byType };
  const slowest = [...totals.slowest];
  for (const entry of entries) {
    count += 1;
    transferBytes += entry.transferSize;
    if (entry.transferSize === 0 && entry.decodedBodySize > 0) fromCache += 1;
    durationSum += entry.duration;
    byType[entry.initiatorType] = (byType[entry.initiatorType] ?? 0) + 1;
    slowest.push({
      name: entry.name.replace(location.origin, ''),
      type: entry.initiatorType,
      durationMs: entry.duration,
      transferBytes: entry.transferSize,
    });
  }
  slowest.sort((a, b) => b.durationMs - a.durationMs);
  return {
    count,
    transferBytes,
    fromCache,
    averageDurationMs: count === 0 ? null : durationSum / count,
    byType,
    slowest: slowest.slice(0, 10),
  };
}

/** Live totals of every resource this page has loaded, from a buffered PerformanceObserver. */
export function useResourceTiming(): ResourceTimingTotals {
  const [totals, setTotals] = useState(EMPTY);
  useEffect(() => {
    if (typeof PerformanceObserver === 'undefined') return;
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries() as PerformanceResourceTiming[];
      setTotals((current) => addResourceEntries(current, entries));
    });
    observer.observe({ type: 'resource', buffered: true });
    return () => {
      observer.disconnect();
    };
  }, []);
  return totals;
}
