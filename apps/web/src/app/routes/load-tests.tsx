import { AccessGate } from '../../components/access-gate.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadTestRuns } from '../../features/load-tests/components/load-test-runs.tsx';

export default function LoadTestsRoute() {
  return (
    <>
      <PageHeader title="Load tests">
        <p>
          Stored runs of <code>npm run loadtest</code>: their phases, thresholds and verdict. The
          monitoring charts shade the time each run took.
        </p>
      </PageHeader>
      <AccessGate what="The load test runs">
        <LoadTestRuns />
      </AccessGate>
    </>
  );
}
