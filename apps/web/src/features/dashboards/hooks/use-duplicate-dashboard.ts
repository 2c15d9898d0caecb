import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { CreateDashboardMutation } from '../api/dashboards.ts';
import type { DashboardDocument } from '../utils/dashboard-document.ts';

/** Copies a document into a new private dashboard ("Copy of …") and opens it. */
export function useDuplicateDashboard() {
  const navigate = useNavigate();
  const [, create] = useMutation(CreateDashboardMutation);
  return async (document: DashboardDocument) => {
    const tags = document.tags.filter((tag) => tag !== 'built-in');
    const copy = { ...document, title: `Copy of ${document.title}`, tags };
    const result = await create({ input: { document: copy, visibility: 'PRIVATE' } });
    const created = result.data?.createDashboard;
    if (created?.__typename === 'Dashboard') await navigate(`/dashboards/${created.id}`);
  };
}
