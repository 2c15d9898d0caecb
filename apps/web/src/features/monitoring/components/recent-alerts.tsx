import { Link } from 'react-router';
import { AlertActions } from '../../../components/alert-actions.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatAge } from '../utils/format-metric.ts';

export const RecentAlerts_SnapshotFragment = graphql(`
  fragment RecentAlerts_SnapshotFragment on Snapshot {
    at
    activeAlerts {
      fingerprint
      name
      severity
      status
      value
      threshold
      startsAt
    }
  }
`);

const formatValue = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(value);

/** P0–P3 as ARCHITECTURE.md names them. */
export const SEVERITY_LABELS: Record<string, string> = {
  critical: 'P0 critical',
  error: 'P1 error',
  warning: 'P2 warning',
  info: 'P3 info',
};

/** The alerts active at the latest snapshot, most severe first, with their age. */
export function RecentAlerts({
  snapshot: snapshotRef,
}: {
  snapshot: FragmentType<typeof RecentAlerts_SnapshotFragment> | null;
}) {
  const snapshot = useFragment(RecentAlerts_SnapshotFragment, snapshotRef);
  const order = Object.keys(SEVERITY_LABELS);
  const alerts = [...(snapshot?.activeAlerts ?? [])].sort(
    (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity),
  );
  // Ages are counted to the snapshot's own time (the server clock), which also keeps render pure.
  const now = snapshot ? Date.parse(snapshot.at) : 0;
  return (
    <section className="panel recent-alerts" aria-labelledby="recent-alerts-title">
      <h2 id="recent-alerts-title" className="panel__title">
        Active alerts
      </h2>
      {snapshot == null ? (
        <p className="muted">Waiting for the first snapshot…</p>
      ) : alerts.length === 0 ? (
        <p className="muted" data-testid="no-alerts">
          No alert is firing.
        </p>
      ) : (
        <ul className="alert-list" data-testid="recent-alerts">
          {alerts.map((alert) => (
            <li
              key={alert.fingerprint}
              className={`alert-row alert-row--${alert.severity}`}
              data-testid={`recent-alert-${alert.fingerprint}`}
            >
              <span className={`severity severity--${alert.severity}`}>
                {SEVERITY_LABELS[alert.severity] ?? alert.severity}
              </span>
              <span className="alert-row__name">{alert.name}</span>
              <span className="alert-row__status">{alert.status}</span>
              <span className="muted">
                <time dateTime={alert.startsAt}>{formatAge(Date.parse(alert.startsAt), now)}</time>
                {alert.value === null ? null : ` · value ${formatValue(alert.value)}`}
                {alert.threshold === null ? null : ` / threshold ${alert.threshold}`}
              </span>
              <AlertActions id={alert.fingerprint} status={alert.status} />
            </li>
          ))}
        </ul>
      )}
      <p className="muted recent-alerts__more">
        History, deliveries and rules: <Link to="/alerts">Alerts</Link>.
      </p>
    </section>
  );
}
