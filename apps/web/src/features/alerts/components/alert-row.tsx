import { Link } from 'react-router';
import { AlertActions } from '../../../components/alert-actions.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';

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
    startsAt
    updatedAt
  }
`);

const ago = (iso: string) => {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 1440) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
};

/** One alert in the list: severity, name, status, age, value against threshold, actions. */
export function AlertRow({
  alert: alertRef,
  detailHref,
  selected = false,
}: {
  alert: FragmentType<typeof AlertRow_AlertFragment>;
  detailHref: string;
  /** The alert open in the detail panel: highlighted in the list. */
  selected?: boolean;
}) {
  const alert = useFragment(AlertRow_AlertFragment, alertRef);
  const severity = alert.severity.toLowerCase();
  return (
    <tr
      data-testid={`alert-${alert.id}`}
      className={selected ? 'alert-table__row--selected' : undefined}
      aria-current={selected ? 'true' : undefined}
    >
      <td>
        <span className={`severity severity--${severity}`}>
          {alert.priority} {severity}
        </span>
      </td>
      <th scope="row">
        <Link to={detailHref}>{alert.name}</Link>
        <div className="muted alert-table__metric">{alert.metric}</div>
      </th>
      <td>{alert.status.toLowerCase().replace('_', ' ')}</td>
      <td>
        <time dateTime={alert.startsAt} title={new Date(alert.startsAt).toLocaleString()}>
          {ago(alert.startsAt)}
        </time>
      </td>
      <td>
        {alert.value === null ? 'no data' : alert.value.toPrecision(3)} / {alert.threshold}
      </td>
      <td>
        <AlertActions id={alert.id} status={alert.status} />
      </td>
    </tr>
  );
}
