import { useSearchParams } from 'react-router';
import { AccessGate } from '../../components/access-gate.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MonitoringDashboard } from '../../features/monitoring/components/monitoring-dashboard.tsx';
import { AutomaticResponsesPanel } from '../../features/operations/components/automatic-responses-panel.tsx';
import { SuggestionsPanel } from '../../features/operations/components/suggestions-panel.tsx';

export default function MonitoringRoute() {
  const [searchParams] = useSearchParams();
  // A wall screen (`?kiosk`) has no room for a page title: the dashboard's bar names it.
  const kiosk = searchParams.has('kiosk');
  return (
    <>
      {kiosk ? (
        <>
          <title>Monitoring · Taurine</title>
          <h1 className="visually-hidden">Monitoring</h1>
        </>
      ) : (
        <PageHeader title="Monitoring" />
      )}
      <AccessGate what="The monitoring dashboard">
        <MonitoringDashboard />
        {kiosk ? null : (
          <div className="operations-panels">
            <SuggestionsPanel />
            <AutomaticResponsesPanel />
          </div>
        )}
      </AccessGate>
    </>
  );
}
