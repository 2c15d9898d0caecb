import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import type { DashboardInsightQuery as DashboardInsightData } from '../../../gql/graphql.ts';
import { DashboardInsightQuery } from '../api/insight.ts';
import type { ChartAnnotation } from '../components/chart-annotations.tsx';

/** Insight over the dashboard range, fetched again with every snapshot (`refreshKey`). */
export function useInsight(since: number, refreshKey: string | null) {
  // The range start moves with every snapshot; whole minutes keep the query stable between them.
  const sinceMinute = new Date(Math.floor(since / 60_000) * 60_000).toISOString();
  const [result, reexecute] = useQuery({
    query: DashboardInsightQuery,
    variables: { since: sinceMinute },
  });
  const previousKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey === null || refreshKey === previousKey.current) return;
    previousKey.current = refreshKey;
    reexecute({ requestPolicy: 'network-only' });
  }, [refreshKey, reexecute]);
  return { data: result.data, error: result.error };
}

/**
 * Chart lines for deployments (version) and regressions (when first seen): the same array while
 * they stay the same, so the charts can skip a fetch's render.
 */
export function useInsightAnnotations(data: DashboardInsightData | undefined): ChartAnnotation[] {
  const key = JSON.stringify([data?.deployments ?? [], data?.regressions ?? []]);
  return useMemo((): ChartAnnotation[] => {
    const [deployments, regressions] = JSON.parse(key) as [
      DashboardInsightData['deployments'],
      DashboardInsightData['regressions'],
    ];
    return [
      ...deployments.map((d) => ({
        t: Date.parse(d.at),
        label: `Deployment ${d.version}`,
        severity: 'deployment',
      })),
      ...regressions.map((r) => ({
        t: Date.parse(r.firstSeen),
        label: `Regression: ${r.statistic.toLowerCase()} of ${r.metric} ${r.changePercent > 0 ? '+' : ''}${r.changePercent} %`,
        severity: 'regression',
      })),
    ];
  }, [key]);
}
