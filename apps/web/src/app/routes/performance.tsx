import { AccessGate } from '../../components/access-gate.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PerformanceOverview } from '../../features/performance/components/performance-overview.tsx';

export default function PerformanceRoute() {
  return (
    <>
      <PageHeader title="Performance">
        <p>How fast Taurine feels to real visitors: Core Web Vitals measured in their browsers.</p>
      </PageHeader>
      <AccessGate what="The performance overview">
        <PerformanceOverview />
      </AccessGate>
    </>
  );
}
