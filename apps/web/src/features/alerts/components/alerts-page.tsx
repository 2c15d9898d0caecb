import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { AlertSeverity, AlertStatus } from '../../../gql/graphql.ts';
import { AlertEventsSubscription, AlertsListQuery } from '../api/alerts.ts';
import { AlertDetail } from './alert-detail.tsx';
import { AlertRow } from './alert-row.tsx';
import { ChannelList } from './channel-list.tsx';
import { RuleList } from './rule-list.tsx';
import '../../../styles/dashboard.css';
import './alerts.css';

const STATUSES: AlertStatus[] = [
  'FIRING',
  'PENDING',
  'ACKNOWLEDGED',
  'NO_DATA',
  'RESOLVED',
  'INACTIVE',
];
const SEVERITIES: AlertSeverity[] = ['CRITICAL', 'ERROR', 'WARNING', 'INFO'];

/**
 * Alerts: a list filtered by status and severity (in the URL), updated live from `alertEvents`;
 * the detail of one alert with its history and deliveries; the rules and the channels.
 */
export function AlertsPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? null;
  const severity = SEVERITIES.find((s) => s === params.get('severity')) ?? null;
  const selected = params.get('alert');
  const [{ data, error }, reexecute] = useQuery({
    query: AlertsListQuery,
    variables: {
      status: status === null ? null : [status],
      severity: severity === null ? null : [severity],
      first: 50,
    },
  });
  // Any alert event may change the list: fetch it again.
  useSubscription({ query: AlertEventsSubscription }, (_previous, event) => {
    reexecute({ requestPolicy: 'network-only' });
    return event;
  });
  const link = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    return `?${next.toString()}`;
  };
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <div className="alerts">
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
              setFilter('status', event.target.value);
            }}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase().replace('_', ' ')}
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
              setFilter('severity', event.target.value);
            }}
          >
            <option value="">Any severity</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
      </form>
      {selected === null ? null : (
        <AlertDetail
          id={selected}
          onClose={() => {
            setFilter('alert', '');
          }}
        />
      )}
      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} className="panel__title">
          Alerts {data ? <span className="muted">({data.alerts.totalCount})</span> : null}
        </h2>
        {error ? (
          <QueryProblem
            error={error}
            onRetry={() => {
              reexecute({ requestPolicy: 'network-only' });
            }}
          />
        ) : data === undefined ? (
          <p className="muted">Loading…</p>
        ) : data.alerts.edges.length === 0 ? (
          <p className="muted" data-testid="no-alerts">
            No alert matches.
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table alert-table" data-testid="alert-list">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Alert</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col">Value / threshold</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.alerts.edges.map(({ node }) => (
                  <AlertRow
                    key={node.id}
                    alert={node}
                    detailHref={link('alert', node.id)}
                    selected={node.id === selected}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby={`${id}-rules`}>
        <h2 id={`${id}-rules`} className="panel__title">
          Rules
        </h2>
        <div className="table-scroll">
          <RuleList />
        </div>
      </section>
      <section className="panel" aria-labelledby={`${id}-channels`}>
        <h2 id={`${id}-channels`} className="panel__title">
          Notification channels
        </h2>
        <ChannelList />
      </section>
    </div>
  );
}
