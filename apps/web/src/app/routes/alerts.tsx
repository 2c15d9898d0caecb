import { PageHeader } from '../../components/page-header.tsx';
import { AlertsPage } from '../../features/alerts/components/alerts-page.tsx';

export default function AlertsRoute() {
  return (
    <>
      <PageHeader title="Alerts">
        <p>
          What fired, who owns it, and what was sent. Acknowledging or resolving needs an operator
          key; editing rules and testing channels needs an admin key.
        </p>
      </PageHeader>
      <AlertsPage />
    </>
  );
}
