import { PageHeader } from '../../components/page-header.tsx';
import { ReportsPage } from '../../features/reports/components/reports-page.tsx';

export default function ReportsRoute() {
  return (
    <>
      <PageHeader title="Reports">
        <p>
          The period&apos;s figures against the previous period, as the emailed PDF shows them.
          Saving a report needs an operator key; schedules need an admin key.
        </p>
      </PageHeader>
      <ReportsPage />
    </>
  );
}
