import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { AlertActions } from '../../../components/alert-actions.tsx';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { AlertDetailQuery } from '../api/alerts.ts';

export const AlertDetail_AlertFragment = graphql(`
  fragment AlertDetail_AlertFragment on Alert {
    id
    name
    description
    metric
    stat
    window
    comparison
    threshold
    value
    status
    severity
    priority
    escalationLevel
    startsAt
    acknowledgedAt
    acknowledgedBy
    resolvedAt
    resolvedBy
    history {
      at
      from
      to
      actor
      comment
      value
    }
    deliveries {
      id
      channelName
      channelType
      kind
      status
      attemptCount
      lastError
      createdAt
      sentAt
    }
  }
`);

const COMPARISONS: Record<string, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤' };
const time = (iso: string | null) => (iso === null ? '–' : new Date(iso).toLocaleString());

/**
 * One alert: its rule condition, its history of transitions, and its notifications. It scrolls
 * into view and takes the focus once loaded, so a link from a notification
 * (`/alerts?alert=<id>`) lands on the alert even below a long list.
 */
export function AlertDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const [{ data, error }, reexecute] = useQuery({ query: AlertDetailQuery, variables: { id } });
  const alert = useFragment(AlertDetail_AlertFragment, data?.alert ?? null);
  const section = useRef<HTMLElement>(null);
  const shownId = alert?.id ?? null;
  useEffect(() => {
    if (shownId === null || section.current === null) return;
    section.current.scrollIntoView({ block: 'start' });
    section.current.focus({ preventScroll: true });
  }, [shownId]);
  if (error) {
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  }
  if (data === undefined) return <p className="muted">Loading the alert…</p>;
  if (alert === null) return <p className="notice">There is no alert {id}.</p>;
  return (
    <section
      ref={section}
      tabIndex={-1}
      className="panel alert-detail"
      aria-labelledby="alert-detail-title"
      data-testid="alert-detail"
      data-alert-id={alert.id}
    >
      <div className="alert-detail__head">
        <h2 id="alert-detail-title" className="panel__title">
          <span className={`severity severity--${alert.severity.toLowerCase()}`}>
            {alert.priority}
          </span>
          {alert.name}
        </h2>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {alert.description ? <p>{alert.description}</p> : null}
      <p>
        <code>
          {alert.stat.toLowerCase()}({alert.metric}) over{' '}
          {alert.window.replace('LAST_', '').toLowerCase()}{' '}
          {COMPARISONS[alert.comparison] ?? alert.comparison} {alert.threshold}
        </code>{' '}
        · value {alert.value ?? 'no data'} · status <strong>{alert.status.toLowerCase()}</strong> ·
        escalation level {alert.escalationLevel}
      </p>
      <AlertActions id={alert.id} status={alert.status} />
      <h3>History</h3>
      <ol className="alert-history">
        {alert.history.map((transition, index) => (
          <li key={`${transition.at}-${index}`}>
            <time dateTime={transition.at}>{time(transition.at)}</time>:{' '}
            {transition.from.toLowerCase()} → <strong>{transition.to.toLowerCase()}</strong> by{' '}
            {transition.actor}
            {transition.value === null ? '' : ` (value ${transition.value})`}
            {transition.comment ? ` — “${transition.comment}”` : ''}
          </li>
        ))}
      </ol>
      <h3>Notifications and escalations</h3>
      {alert.deliveries.length === 0 ? (
        <p className="muted">No notification was sent for this alert.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Channel</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {alert.deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>{time(delivery.createdAt)}</td>
                <td>
                  {/* Channel names are for operators; viewers see the type only. */}
                  {delivery.channelName ?? 'a channel'}{' '}
                  <span className="muted">({delivery.channelType})</span>
                </td>
                <td>{delivery.kind}</td>
                <td title={delivery.lastError ?? undefined}>{delivery.status.toLowerCase()}</td>
                <td>{delivery.attemptCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
