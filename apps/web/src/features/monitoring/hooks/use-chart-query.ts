import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnyVariables, TypedDocumentNode } from 'urql';
import { useQuery } from 'urql';
import { useLastDefined } from '../../../hooks/use-last-defined.ts';
import type { ChartWindow } from '../utils/chart-window.ts';

/**
 * The previous value while the next one holds the same data. Every snapshot refetches the series,
 * and most answers are what the chart already shows: keeping the old object lets the memoised
 * series and lines skip their render.
 */
function useSameWhileEqual<T>(value: T): T {
  const json = useMemo(() => JSON.stringify(value), [value]);
  const [kept, setKept] = useState({ value, json });
  // Adjusting state while rendering (React's "storing information from previous renders").
  if (json !== kept.json) setKept({ value, json });
  return json === kept.json ? kept.value : value;
}

/**
 * A chart's series query over the dashboard window. `refreshKey` changes with every snapshot
 * while the range is relative: the current step keeps filling up, so it is fetched again from the
 * network. The last data stays on screen while the next loads.
 */
export function useChartQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  window: ChartWindow,
  refreshKey: string | null,
) {
  const [result, reexecute] = useQuery<Data, Variables>({
    query,
    variables: window.variables as unknown as Variables,
  });
  const previousKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey === null || refreshKey === previousKey.current) return;
    previousKey.current = refreshKey;
    reexecute({ requestPolicy: 'network-only' });
  }, [refreshKey, reexecute]);
  const data = useSameWhileEqual(useLastDefined(result.data));
  return {
    data,
    error: result.error,
    fetching: result.fetching,
    retry: () => {
      reexecute({ requestPolicy: 'network-only' });
    },
  };
}
