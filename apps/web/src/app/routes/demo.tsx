import { PageHeader } from '../../components/page-header.tsx';
import { PerformanceDemo } from '../../features/demo/components/performance-demo.tsx';

export default function DemoRoute() {
  return (
    <>
      <PageHeader title="Performance demo">
        <p>The techniques that keep the calculator fast, on one page, with what they cost.</p>
      </PageHeader>
      <PerformanceDemo />
    </>
  );
}
