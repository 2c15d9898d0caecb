import { useId } from 'react';
import { useQuery, useSubscription } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { AlertSeverity, AlertStatus } from '../../../gql/graphql.ts';
import { AlertEventsSubscription, AlertsListQuery } from '../api/alerts.ts';
import { MetricNamesQuery } from '../api/rules.ts';
import { AlertRow } from './alert-row.tsx';

interface AlertListProps {
  status: AlertStatus | null;
  severity: AlertSeverity | null;
  /** The id of the alert whose detail is open: its row is highlighted. */
  selected: string | null;
  /** The link that opens an alert's detail. */
  detailHref: (alertId: string) => string;
}

/** The alerts that match the filters, with their count, fetched again on every `alertEvents`. */
export function AlertList({ status, severity, selected, detailHref }: AlertListProps) {
  const id = useId();
  const [{ data, error }, reexecute] = useQuery({
    query: AlertsListQuery,
    variables: {
      status: status === null ? null : [status],
      severity: severity === null ? null : [severity],
      first: 50,
    },
  });
  const [{ data: metrics }] = useQuery({ query: MetricNamesQuery });
  const units = new Map((metrics?.metrics ?? []).map((series) => [series.name, series.unit]));
  // Any alert event may change the list: fetch it again.
  useSubscription({ query: AlertEventsSubscription }, (_previous, event) => {
    reexecute({ requestPolicy: 'network-only' });
    return event;
  });

  return (
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
        <div>
          <table className="data-table alert-table stack-table" data-testid="alert-list">
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
                  detailHref={detailHref(node.id)}
                  selected={node.id === selected}
                  unit={units.get(node.metric)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
