import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { DashboardPanelDataQuery, PreviewPanelsQuery } from '../api/dashboards.ts';
import type { PanelDataFragment } from '../api/dashboards.ts';
import type { DashboardDocument } from '../utils/dashboard-document.ts';
import { windowArg } from '../utils/dashboard-document.ts';

type PanelDataRef = FragmentType<typeof PanelDataFragment> & { panelId: string };

/** What the panel batch answered: each panel's data by id, and the error of the request. */
export interface PanelDataState {
  byPanel: ReadonlyMap<string, FragmentType<typeof PanelDataFragment>>;
  error: string | null;
}

const variableArgs = (values: Readonly<Record<string, string>>) =>
  Object.entries(values).map(([name, value]) => ({ name, value }));

const toState = (
  list: readonly PanelDataRef[] | null | undefined,
  error: { message: string } | undefined,
): PanelDataState => ({
  byPanel: new Map((list ?? []).map((entry) => [entry.panelId, entry])),
  error: error?.message ?? null,
});

/**
 * The data of a stored dashboard's panels: one request for every panel (or those in `panelIds`),
 * again every `refreshSeconds`.
 */
export function useDashboardPanelData(options: {
  id: string;
  values: Readonly<Record<string, string>>;
  range: string;
  refreshSeconds: number;
  panelIds?: string[] | undefined;
}): PanelDataState {
  const variables = useMemo(
    () => ({
      id: options.id,
      variables: variableArgs(options.values),
      window: windowArg(options.range),
      panelIds: options.panelIds,
    }),
    [options.id, options.values, options.range, options.panelIds],
  );
  const [result, reexecute] = useQuery({ query: DashboardPanelDataQuery, variables });
  const { refreshSeconds } = options;
  useEffect(() => {
    if (refreshSeconds <= 0) return;
    const timer = setInterval(() => {
      reexecute({ requestPolicy: 'network-only' });
    }, refreshSeconds * 1000);
    return () => {
      clearInterval(timer);
    };
  }, [refreshSeconds, reexecute]);
  return toState(result.data?.dashboardPanelData, result.error);
}

/** The editor's preview: the same batch for the document being edited. */
export function usePreviewPanelData(options: {
  document: DashboardDocument;
  values: Readonly<Record<string, string>>;
  range: string;
}): PanelDataState {
  const variables = useMemo(
    () => ({
      document: options.document,
      variables: variableArgs(options.values),
      window: windowArg(options.range),
    }),
    [options.document, options.values, options.range],
  );
  const [result] = useQuery({ query: PreviewPanelsQuery, variables });
  return toState(result.data?.previewDashboardPanels, result.error);
}

/** The editor's preview of `document`, once it has stopped changing for 400 ms. */
export function useDraftPreview(document: DashboardDocument): PanelDataState {
  const settled = useDebouncedValue(document, 400);
  return usePreviewPanelData({ document: settled, values: {}, range: settled.timeRange });
}
