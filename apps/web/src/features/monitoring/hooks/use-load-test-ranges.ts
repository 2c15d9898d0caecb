import { useMemo } from 'react';
import { useQuery } from 'urql';
import { LoadTestRangesQuery } from '../api/load-test-ranges.ts';
import type { ChartTimeRange } from '../components/chart-time-ranges.tsx';

const NO_RANGES: readonly ChartTimeRange[] = [];

/**
 * Stored load test runs overlapping `[from, …)`, as shaded spans for the charts. The overlay is
 * extra: when the query fails the charts simply show none.
 */
export function useLoadTestRanges(from: number): readonly ChartTimeRange[] {
  // Minute precision: the range moves with every snapshot, the query need not.
  const endedAfter = new Date(Math.floor(from / 60_000) * 60_000).toISOString();
  const [{ data }] = useQuery({ query: LoadTestRangesQuery, variables: { endedAfter } });
  return useMemo(
    () =>
      data?.loadTestRuns.map((run) => ({
        from: Date.parse(run.startedAt),
        to: Date.parse(run.endedAt),
        label: `Load test “${run.name}” (${run.verdict.toLowerCase().replaceAll('_', ' ')})`,
        tone: 'load-test',
      })) ?? NO_RANGES,
    [data],
  );
}
