import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardDocument } from '../utils/dashboard-document.ts';

/** What the address bar holds for a dashboard: variables (`var-route=`), range, embed, panel. */
export interface ViewState {
  values: Readonly<Record<string, string>>;
  range: string;
  embed: boolean;
  /** `?panel=` of an embedded single panel. */
  panel: string | null;
  setValue: (name: string, value: string) => void;
  setRange: (range: string) => void;
}

/** The view state of `document`, kept in the URL so a link (or an embed) shows the same thing. */
export function useViewState(document: DashboardDocument | undefined): ViewState {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const entries = (document?.variables ?? []).map(
      (variable) =>
        [variable.name, params.get(`var-${variable.name}`) ?? variable.defaultValue] as const,
    );
    return Object.fromEntries(entries);
  }, [document, params]);
  const setParam = useCallback(
    (name: string, value: string) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(name, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return {
    values,
    range: params.get('range') ?? document?.timeRange ?? '1h',
    embed: params.has('embed'),
    panel: params.get('panel'),
    setValue: (name, value) => {
      setParam(`var-${name}`, value);
    },
    setRange: (range) => {
      setParam('range', range);
    },
  };
}
