import type { AlertStatus } from '../../../gql/graphql.ts';
import { ALERT_STATUSES } from '../hooks/use-alert-filters.ts';
import { STATUS_MEANINGS, statusLabel } from '../utils/alert-labels.ts';

/** What each status means ("inactive" included), folded under the filters. */
export function StatusLegend() {
  return (
    <details className="status-legend">
      <summary>What the statuses mean</summary>
      <dl>
        {ALERT_STATUSES.map((status: AlertStatus) => (
          <div key={status}>
            <dt>{statusLabel(status)}</dt>
            <dd>{STATUS_MEANINGS[status]}</dd>
          </div>
        ))}
        <div>
          <dt>silenced</dt>
          <dd>a silence covers it: it still changes status, its notifications are held back</dd>
        </div>
      </dl>
    </details>
  );
}
