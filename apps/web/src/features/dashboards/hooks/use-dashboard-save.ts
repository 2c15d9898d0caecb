import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DeleteDashboardMutation, UpdateDashboardMutation } from '../api/dashboards.ts';
import type { Audience } from '../components/dashboard-settings.tsx';
import type { DashboardDocument } from '../utils/dashboard-document.ts';

/** A save's answer as a sentence, or null when it was saved. */
function saveProblem(
  answer:
    | { __typename?: string; message?: string; errors?: { field: string; message: string }[] }
    | undefined,
  fallback: string | undefined,
) {
  if (answer === undefined) return fallback ?? 'The save did not reach the server.';
  if (answer.__typename === 'Dashboard') return null;
  const details = answer.errors?.map((error) => error.message).join('; ');
  return [answer.message, details].filter(Boolean).join(': ');
}

/**
 * Saving (on top of the version the editor opened: a save after someone else's is refused and
 * says so) and deleting the edited dashboard; problems go to `onProblem` as sentences.
 */
export function useDashboardSave(options: {
  id: string;
  version: number;
  onSaved: () => void;
  onProblem: (problem: string | null) => void;
}) {
  const [{ fetching: saving }, update] = useMutation(UpdateDashboardMutation);
  const [, remove] = useMutation(DeleteDashboardMutation);
  const navigate = useNavigate();
  const save = async (document: DashboardDocument, audience: Audience) => {
    const result = await update({
      id: options.id,
      version: options.version,
      input: { document, visibility: audience.visibility, role: audience.role },
    });
    const why = saveProblem(result.data?.updateDashboard, result.error?.message);
    if (why === null) options.onSaved();
    else options.onProblem(why);
  };
  const destroy = async (title: string) => {
    if (!window.confirm(`Delete “${title}” and its versions?`)) return;
    const result = await remove({ id: options.id });
    if (result.data?.deleteDashboard.__typename === 'Dashboard') await navigate('/dashboards');
    else options.onProblem(saveProblem(result.data?.deleteDashboard, result.error?.message));
  };
  return { saving, save, destroy };
}
