import { PageHeader } from '../../components/page-header.tsx';
import { DashboardListPage } from '../../features/dashboards/components/dashboard-list-page.tsx';
import '../../features/dashboards/components/dashboards.css';

export default function DashboardsRoute() {
  return (
    <>
      <PageHeader title="Dashboards">
        <p>
          Dashboards you build from any metric: private, shared with a role, or public. Creating and
          editing needs an operator key; publishing needs an admin key.
        </p>
      </PageHeader>
      <DashboardListPage />
    </>
  );
}
