import { useSearchParams } from 'react-router';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { PERCENTILES } from '../utils/vitals.ts';

export const DEVICES = ['mobile', 'tablet', 'desktop'] as const;
export const WINDOWS: Partial<Record<StatsWindow, string>> = {
  LAST_1H: 'Last hour',
  LAST_24H: 'Last 24 hours',
  LAST_7D: 'Last 7 days',
};

/** Reads the filters from the URL, so a filtered view can be shared. */
export function usePerformanceFilters() {
  const [params, setParams] = useSearchParams();
  const device = DEVICES.find((d) => d === params.get('device')) ?? null;
  const percentile = PERCENTILES.find((p) => p === params.get('percentile')) ?? 'p75';
  const raw = params.get('window') ?? '';
  const window: StatsWindow = raw in WINDOWS ? (raw as StatsWindow) : 'LAST_24H';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return { device, percentile, window, set };
}
