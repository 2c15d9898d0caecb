import { useId } from 'react';
import type { AlertSeverity, AlertStatus } from '../../../gql/graphql.ts';
import { ALERT_SEVERITIES, ALERT_STATUSES } from '../hooks/use-alert-filters.ts';
import { SEVERITY_LABELS, STATUS_MEANINGS, statusLabel } from '../utils/alert-labels.ts';

interface AlertFiltersProps {
  status: AlertStatus | null;
  severity: AlertSeverity | null;
  /** Called with the filter's key and its new value ('' for "any"). */
  onChange: (key: 'status' | 'severity', value: string) => void;
}

/** The status and severity filters above the alert list. */
export function AlertFilters({ status, severity, onChange }: AlertFiltersProps) {
  const id = useId();
  return (
    <form
      className="alerts__filters"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status ?? ''}
          onChange={(event) => {
            onChange('status', event.target.value);
          }}
        >
          <option value="">Any status</option>
          {ALERT_STATUSES.map((s) => (
            <option key={s} value={s} title={STATUS_MEANINGS[s]}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-severity`}>Severity</label>
        <select
          id={`${id}-severity`}
          value={severity ?? ''}
          onChange={(event) => {
            onChange('severity', event.target.value);
          }}
        >
          <option value="">Any severity</option>
          {ALERT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
