import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { StatsWindow, VitalInsightQuery as VitalInsightData } from '../../../gql/graphql.ts';
import { VitalInsightQuery } from '../api/vital-insight.ts';
import { formatVital } from '../utils/vitals.ts';

type Offender = VitalInsightData['lcp'][number];

const OFFENDER_TABLES = [
  { key: 'lcp', vital: 'LCP', title: 'LCP elements' },
  { key: 'inp', vital: 'INP', title: 'INP targets' },
  { key: 'cls', vital: 'CLS', title: 'CLS sources' },
] as const;

function OffenderTable({
  title,
  vital,
  rows,
}: {
  title: string;
  vital: 'LCP' | 'INP' | 'CLS';
  rows: readonly Offender[];
}) {
  return (
    <div className="offenders">
      <h3 className="panel__subtitle">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">No attribution yet.</p>
      ) : (
        <table className="table" data-testid={`offenders-${vital}`}>
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">p75</th>
              <th scope="col">Samples</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.target}>
                <td className="offenders__target">{row.target}</td>
                <td>{formatVital(vital, row.p75 ?? null)}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Web Vitals p75 per deployment (how each version did while it served) and the "top offenders"
 * from the tracker's attribution: the elements behind the worst LCP, INP and CLS.
 */
export function VitalInsight({ window }: { window: StatsWindow }) {
  const [{ data, error }] = useQuery({ query: VitalInsightQuery, variables: { window } });
  if (error) return <QueryProblem error={error} />;
  if (data === undefined) return <p className="muted">Loading…</p>;
  return (
    <>
      <table className="table" data-testid="deployment-vitals">
        <thead>
          <tr>
            <th scope="col">Deployment</th>
            <th scope="col">LCP</th>
            <th scope="col">INP</th>
            <th scope="col">CLS</th>
            <th scope="col">FCP</th>
            <th scope="col">TTFB</th>
          </tr>
        </thead>
        <tbody>
          {data.deploymentVitals.map((row) => (
            <tr key={row.deployment.id}>
              <th scope="row">
                {row.deployment.version}{' '}
                <span className="muted">{new Date(row.deployment.at).toLocaleString()}</span>
              </th>
              <td>{formatVital('LCP', row.lcp ?? null)}</td>
              <td>{formatVital('INP', row.inp ?? null)}</td>
              <td>{formatVital('CLS', row.cls ?? null)}</td>
              <td>{formatVital('FCP', row.fcp ?? null)}</td>
              <td>{formatVital('TTFB', row.ttfb ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="offenders__grid">
        {OFFENDER_TABLES.map((table) => (
          <OffenderTable
            key={table.key}
            title={table.title}
            vital={table.vital}
            rows={data[table.key]}
          />
        ))}
      </div>
    </>
  );
}
