import { Link } from 'react-router';
import { AlertActions } from '../../../components/alert-actions.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { STATUS_MEANINGS, statusLabel } from '../utils/alert-labels.ts';
import { formatAlertValue, formatThreshold } from '../utils/alert-numbers.ts';

export const AlertRow_AlertFragment = graphql(`
  fragment AlertRow_AlertFragment on Alert {
    id
    name
    metric
    severity
    priority
    status
    value
    threshold
    stat
    startsAt
    updatedAt
    silencedBy
  }
`);

const ago = (iso: string) => {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 1440) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
};

/**
 * One alert in the list: severity, name, status (its meaning on hover and in the legend), a
 * "silenced" marker while a silence covers it, age, value against threshold, actions. A table
 * row on wide screens, a stacked card on phones (labels from `data-label`).
 */
export function AlertRow({
  alert: alertRef,
  detailHref,
  selected = false,
  unit,
}: {
  alert: FragmentType<typeof AlertRow_AlertFragment>;
  detailHref: string;
  /** The alert open in the detail panel: highlighted in the list. */
  selected?: boolean;
  /** The metric's unit, for the value and threshold. */
  unit?: string | undefined;
}) {
  const alert = useFragment(AlertRow_AlertFragment, alertRef);
  const severity = alert.severity.toLowerCase();
  const silenced = alert.silencedBy.length > 0;
  return (
    <tr
      data-testid={`alert-${alert.id}`}
      data-silenced={silenced ? 'true' : 'false'}
      className={selected ? 'alert-table__row--selected' : undefined}
      aria-current={selected ? 'true' : undefined}
    >
      <td data-label="Severity">
        <span className={`severity severity--${severity}`}>
          {alert.priority} {severity}
        </span>
      </td>
      <th scope="row" data-label="Alert">
        <Link to={detailHref}>{alert.name}</Link>
        <div className="muted alert-table__metric">{alert.metric}</div>
      </th>
      <td data-label="Status">
        <abbr title={STATUS_MEANINGS[alert.status]}>{statusLabel(alert.status)}</abbr>
        {silenced ? (
          <span className="badge badge--silenced" title="A silence holds its notifications back">
            {' '}
            silenced
          </span>
        ) : null}
      </td>
      <td data-label="Started">
        <time dateTime={alert.startsAt} title={new Date(alert.startsAt).toLocaleString()}>
          {ago(alert.startsAt)}
        </time>
      </td>
      <td data-label="Value / threshold">
        {formatAlertValue(alert.value, alert.stat, unit)} /{' '}
        {formatThreshold(alert.threshold, alert.stat, unit)}
      </td>
      <td data-label="Actions">
        <AlertActions id={alert.id} status={alert.status} />
      </td>
    </tr>
  );
}
