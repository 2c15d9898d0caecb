import { ComingSoon } from '../../components/coming-soon.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ServerClock } from '../../features/monitoring/components/server-clock.tsx';

export default function MonitoringRoute() {
  return (
    <>
      <PageHeader title="Monitoring">
        <p>
          Live dashboards for the API, the caches and the calculator&apos;s business metrics. They
          arrive with the metrics engine; until then this page proves the live connection.
        </p>
      </PageHeader>
      <ComingSoon
        items={[
          'Key statistics (requests, p95 response time, error rate) updated every 30 seconds',
          'Health score and uptime',
          'Cache tiers: memory, Redis, Service Worker and localStorage hit rates',
          'Calculations, affiliate clicks and the conversion rate',
        ]}
      >
        <ServerClock />
      </ComingSoon>
    </>
  );
}
