import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { ReportHistoryQuery } from '../api/reports.ts';

/** Stored reports, newest first; choosing one shows it (and its downloads). */
export function ReportHistory({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const [{ data, error }, reexecute] = useQuery({
    query: ReportHistoryQuery,
    variables: { first: 20 },
    requestPolicy: 'cache-and-network',
  });
  return (
    <section className="report-history">
      <h2>History</h2>
      {error ? (
        <QueryProblem
          error={error}
          onRetry={() => {
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
      {data?.reports.edges.length === 0 ? (
        <p>No stored report yet: save one, or add a schedule.</p>
      ) : null}
      <ol>
        {data?.reports.edges.map(({ node }) => (
          <li key={node.id}>
            <button
              type="button"
              className="link-button"
              aria-current={selected === node.id ? 'true' : undefined}
              onClick={() => {
                onSelect(node.id ?? '');
              }}
            >
              {node.period.label} ({node.period.kind.toLowerCase()})
            </button>
            <small>
              {new Date(node.generatedAt).toLocaleString()} · {node.generatedBy}
            </small>
          </li>
        ))}
      </ol>
    </section>
  );
}
