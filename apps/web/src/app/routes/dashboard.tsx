import { useParams } from 'react-router';
import { DashboardPage } from '../../features/dashboards/components/dashboard-page.tsx';
import '../../features/dashboards/components/dashboards.css';

export default function DashboardRoute() {
  const { id = '' } = useParams();
  return <DashboardPage key={id} id={id} />;
}
