import { Suspense, lazy } from 'react';
import { useSearchParams } from 'react-router';
import { AccessGate } from '../../components/access-gate.tsx';
import { AfterFirstPaint } from '../../components/after-first-paint.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MonitoringDashboard } from '../../features/monitoring/components/monitoring-dashboard.tsx';

const OperationsPanels = lazy(
  () => import('../../features/operations/components/operations-panels.tsx'),
);

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
          <AfterFirstPaint>
            <Suspense fallback={null}>
              <OperationsPanels />
            </Suspense>
          </AfterFirstPaint>
        )}
      </AccessGate>
    </>
  );
}
