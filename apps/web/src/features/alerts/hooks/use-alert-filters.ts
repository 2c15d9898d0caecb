import { useSearchParams } from 'react-router';
import type { AlertSeverity, AlertStatus } from '../../../gql/graphql.ts';

export const ALERT_STATUSES: AlertStatus[] = [
  'FIRING',
  'PENDING',
  'ACKNOWLEDGED',
  'NO_DATA',
  'RESOLVED',
  'INACTIVE',
];
export const ALERT_SEVERITIES: AlertSeverity[] = ['CRITICAL', 'ERROR', 'WARNING', 'INFO'];

/**
 * The alerts page's state in the URL (`?status=&severity=&alert=`), so a filtered list or an open
 * alert can be shared and notification links land on it. Unknown values read as "any".
 */
export function useAlertFilters() {
  const [params, setParams] = useSearchParams();
  const status = ALERT_STATUSES.find((s) => s === params.get('status')) ?? null;
  const severity = ALERT_SEVERITIES.find((s) => s === params.get('severity')) ?? null;
  const selected = params.get('alert');
  /** A link to this page with `key` set (or removed for null), the other parameters kept. */
  const link = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    return `?${next.toString()}`;
  };
  /** Sets `key` in place (an empty value removes it), without a new history entry. */
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return { status, severity, selected, link, setFilter };
}
