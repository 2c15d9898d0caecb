import { ComingSoon } from '../../components/coming-soon.tsx';
import { PageHeader } from '../../components/page-header.tsx';

export default function PerformanceRoute() {
  return (
    <>
      <PageHeader title="Performance">
        <p>
          How fast the calculator feels to real visitors and how the API responds over time. No
          measurements are collected yet: they arrive with the metrics engine.
        </p>
      </PageHeader>
      <ComingSoon
        items={[
          'Core Web Vitals at p75 (LCP, INP, CLS, FCP, TTFB) by route and device',
          'Good / needs improvement / poor shares for each vital',
          'API response time percentiles per operation, with history charts',
          'Performance budgets and regressions against the baseline',
        ]}
      />
    </>
  );
}
