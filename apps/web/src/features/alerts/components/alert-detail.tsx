import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { AlertActions } from '../../../components/alert-actions.tsx';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { AlertDetailQuery } from '../api/alerts.ts';
import { MetricNamesQuery } from '../api/rules.ts';
import { STATUS_MEANINGS, statusLabel } from '../utils/alert-labels.ts';
import { conditionText, formatAlertValue } from '../utils/alert-numbers.ts';
import { DeliveryLog } from './delivery-log.tsx';

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
    silencedBy
    deliveries {
      id
      ...DeliveryLog_NotificationDeliveryFragment
    }
  }
`);

const time = (iso: string | null) => (iso === null ? '–' : new Date(iso).toLocaleString());

/**
 * One alert: its rule condition, its history of transitions, and its notifications. It scrolls
 * into view and takes the focus once loaded, so a link from a notification
 * (`/alerts?alert=<id>`) lands on the alert even below a long list.
 */
export function AlertDetail({
  id,
  onClose,
  onSilence,
}: {
  id: string;
  onClose: () => void;
  /** Opens the silence form with this alert's name as the matcher. */
  onSilence: (alertName: string) => void;
}) {
  const [{ data, error }, reexecute] = useQuery({ query: AlertDetailQuery, variables: { id } });
  const alert = useFragment(AlertDetail_AlertFragment, data?.alert ?? null);
  const section = useRef<HTMLElement>(null);
  const [{ data: metrics }] = useQuery({ query: MetricNamesQuery });
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
  const unit = metrics?.metrics.find((series) => series.name === alert.metric)?.unit;
  const format = (value: number) => formatAlertValue(value, alert.stat, unit);
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
        <span data-testid="alert-condition">{conditionText(alert, unit)}</span> · value{' '}
        {formatAlertValue(alert.value, alert.stat, unit)} · status{' '}
        <strong title={STATUS_MEANINGS[alert.status]}>{statusLabel(alert.status)}</strong>
        {alert.silencedBy.length > 0 ? (
          <span className="badge badge--silenced"> silenced</span>
        ) : null}{' '}
        · escalation level {alert.escalationLevel}
      </p>
      <p className="muted">{STATUS_MEANINGS[alert.status]}.</p>
      <div className="alert-detail__actions">
        <AlertActions id={alert.id} status={alert.status} />
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => {
            onSilence(alert.name);
          }}
        >
          Silence…
        </button>
      </div>
      <h3>History</h3>
      <AlertHistory history={alert.history} format={format} />
      <h3>Notifications and escalations</h3>
      <DeliveryLog
        deliveries={alert.deliveries}
        show="channel"
        empty="No notification was sent for this alert."
      />
    </section>
  );
}

function AlertHistory({
  history,
  format,
}: {
  history: readonly {
    at: string;
    from: string;
    to: string;
    actor: string;
    comment?: string | null;
    value?: number | null;
  }[];
  format: (value: number) => string;
}) {
  return (
    <ol className="alert-history">
      {history.map((transition, index) => (
        <li key={`${transition.at}-${index}`}>
          <time dateTime={transition.at}>{time(transition.at)}</time>:{' '}
          {statusLabel(transition.from)} → <strong>{statusLabel(transition.to)}</strong> by{' '}
          {transition.actor}
          {transition.value == null ? '' : ` (value ${format(transition.value)})`}
          {transition.comment ? ` — “${transition.comment}”` : ''}
        </li>
      ))}
    </ol>
  );
}
