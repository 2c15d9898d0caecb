import { PageHeader } from '../../components/page-header.tsx';
import { MonitoringDashboard } from '../../features/monitoring/components/monitoring-dashboard.tsx';

export default function MonitoringRoute() {
  return (
    <>
      <PageHeader title="Monitoring" />
      <MonitoringDashboard />
    </>
  );
}
