import { formatDuration, formatQuantity } from '@taurine/units';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { DownloadButtons } from './download-buttons.tsx';
import { FigureTable } from './figure-table.tsx';
import { MiniBarChart, MiniLineChart } from './mini-charts.tsx';

export const ReportView_ReportFragment = graphql(`
  fragment ReportView_Report on Report {
    id
    generatedAt
    headline
    scope
    instanceId
    period {
      kind
      label
      timeZone
      from
      to
    }
    figures {
      key
      label
      group
      unit
      value
      previous
      changePct
      verdict
    }
    slowestOperations {
      endpoint
      operation
      requests
      p95Ms
      p99Ms
    }
    alerts {
      total
      meanTimeToAcknowledgeMs
      meanTimeToResolveMs
      bySeverity {
        severity
        count
      }
    }
    budgets {
      key
      label
      unit
      limit
      direction
      value
      status
    }
    chartStepSeconds
    requestsPerStep {
      t
      value
    }
    responseTimeP95 {
      t
      value
    }
    recommendations
  }
`);

const meanTime = (ms: number | null) => (ms === null ? 'no data' : formatDuration(ms / 1000));

/** A report as the PDF shows it: headline, figures with arrows, charts, tables, actions. */
export function ReportView({ data }: { data: FragmentType<typeof ReportView_ReportFragment> }) {
  const report = useFragment(ReportView_ReportFragment, data);
  const step = report.chartStepSeconds >= 86_400 ? 'day' : 'hour';
  return (
    <article className="report" aria-label={`Report ${report.period.label}`}>
      <header className="report__header">
        <h2>
          {report.period.kind.charAt(0) + report.period.kind.slice(1).toLowerCase()} report{' '}
          {report.period.label}
        </h2>
        <p className="report__meta">
          {report.period.timeZone} ·{' '}
          {report.scope === 'CLUSTER' ? 'cluster' : `instance ${report.instanceId ?? ''}`} ·
          generated {new Date(report.generatedAt).toLocaleString()}
        </p>
        <p className="report__headline">{report.headline}</p>
        {report.id === null ? null : <DownloadButtons id={report.id} />}
      </header>
      <div className="report__charts">
        <MiniBarChart title={`Requests per ${step}`} points={report.requestsPerStep} />
        <MiniLineChart
          title={`p95 response time per ${step}`}
          points={report.responseTimeP95}
          unit="ms"
        />
      </div>
      <FigureTable figures={report.figures} />
      <section>
        <h3>Slowest operations</h3>
        <table className="report__table">
          <thead>
            <tr>
              <th>Endpoint</th>
              <th>Operation</th>
              <th>Requests</th>
              <th>p95</th>
              <th>p99</th>
            </tr>
          </thead>
          <tbody>
            {report.slowestOperations.map((op) => (
              <tr key={`${op.endpoint} ${op.operation}`}>
                <td>{op.endpoint}</td>
                <td>{op.operation}</td>
                <td>{formatQuantity(op.requests, '')}</td>
                <td>{formatQuantity(op.p95Ms, 'ms')}</td>
                <td>{formatQuantity(op.p99Ms, 'ms')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>Alerts</h3>
        <p>
          {report.alerts.total} fired
          {report.alerts.bySeverity.map((s) => ` · ${s.severity} ${s.count}`).join('')}. Mean time
          to acknowledge {meanTime(report.alerts.meanTimeToAcknowledgeMs ?? null)}, to resolve{' '}
          {meanTime(report.alerts.meanTimeToResolveMs ?? null)}.
        </p>
      </section>
      <section>
        <h3>Budgets</h3>
        <ul className="report__budgets">
          {report.budgets.map((budget) => (
            <li key={budget.key} data-status={budget.status}>
              {budget.label}: {formatQuantity(budget.value ?? null, budget.unit)} (
              {budget.direction === 'lower' ? '≤' : '≥'} {formatQuantity(budget.limit, budget.unit)}
              ) — {budget.status}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Recommendations</h3>
        {report.recommendations.length === 0 ? (
          <p>Nothing to act on.</p>
        ) : (
          <ul>
            {report.recommendations.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
