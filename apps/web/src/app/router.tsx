import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './app-layout.tsx';

// Every page is its own chunk: the calculator does not download the dashboards, and vice versa.
const CalculatorRoute = lazy(() => import('./routes/calculator.tsx'));
const MonitoringRoute = lazy(() => import('./routes/monitoring.tsx'));
const AlertsRoute = lazy(() => import('./routes/alerts.tsx'));
const DashboardsRoute = lazy(() => import('./routes/dashboards.tsx'));
const DashboardRoute = lazy(() => import('./routes/dashboard.tsx'));
const PerformanceRoute = lazy(() => import('./routes/performance.tsx'));
const LoadTestsRoute = lazy(() => import('./routes/load-tests.tsx'));
const ReportsRoute = lazy(() => import('./routes/reports.tsx'));
const DemoRoute = lazy(() => import('./routes/demo.tsx'));
const NotFoundRoute = lazy(() => import('./routes/not-found.tsx'));

/**
 * The route table. React Router's declarative mode: urql loads the data, so the data router's
 * loaders are not needed, and leaving them out keeps about 16 KB (gzip) off every page.
 */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<CalculatorRoute />} />
          <Route path="monitoring" element={<MonitoringRoute />} />
          <Route path="alerts" element={<AlertsRoute />} />
          <Route path="dashboards" element={<DashboardsRoute />} />
          <Route path="dashboards/:id" element={<DashboardRoute />} />
          <Route path="performance" element={<PerformanceRoute />} />
          <Route path="load-tests" element={<LoadTestsRoute />} />
          <Route path="reports" element={<ReportsRoute />} />
          <Route path="demo" element={<DemoRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
