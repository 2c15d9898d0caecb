import { useQuery } from 'urql';
import { LoadingStatus } from '../../../components/loading-status.tsx';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { LoadTestRunsQuery } from '../api/load-test-runs.ts';
import { LoadTestRunCard } from './load-test-run-card.tsx';
import './load-tests.css';

/** How many runs the page lists. */
export const LOAD_TEST_RUNS_SHOWN = 20;

/** The newest stored load and stress runs, or how to make one when there is none. */
export function LoadTestRuns() {
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: LoadTestRunsQuery,
    variables: { first: LOAD_TEST_RUNS_SHOWN },
  });
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
  if (data === undefined) return fetching ? <LoadingStatus label="Loading load test runs" /> : null;
  if (data.loadTestRuns.length === 0) {
    return (
      <div className="panel" data-testid="load-tests-empty">
        <p>No load test has been stored yet. Run one with an operator key to see it here:</p>
        <pre className="load-tests__command">
          npm run loadtest -- scripts/loadtest/scenarios/three-phases.yaml --key tk_…
        </pre>
      </div>
    );
  }
  return (
    <div className="load-tests">
      {data.loadTestRuns.map((run) => (
        <LoadTestRunCard key={run.id} run={run} />
      ))}
    </div>
  );
}
