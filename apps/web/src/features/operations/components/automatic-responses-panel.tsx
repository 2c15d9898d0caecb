import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { AutomaticResponseName } from '../../../gql/graphql.ts';
import { useViewer } from '../../../hooks/use-viewer.ts';
import {
  AutomaticResponsesQuery,
  ConfigureAutomaticResponseMutation,
  DisableAutomaticResponseMutation,
  EnableAutomaticResponseMutation,
} from '../api/automatic-responses.ts';
import { figureText } from './figure-text.ts';
import './operations.css';

/**
 * The admin's automatic responses: each one's switch and dry-run mode, whether its condition
 * holds now, and the last ten actions with the figures that triggered them. Shown to admin keys
 * only (everyone else sees nothing: the panel is not theirs to use).
 */
export function AutomaticResponsesPanel() {
  const viewer = useViewer();
  if (viewer.reason('ADMIN') !== null) return null;
  return <AdminResponses />;
}

function AdminResponses() {
  const id = useId();
  const [{ data, error }, refetch] = useQuery({ query: AutomaticResponsesQuery });
  const [enabling, enable] = useMutation(EnableAutomaticResponseMutation);
  const [disabling, disable] = useMutation(DisableAutomaticResponseMutation);
  const [configuring, configure] = useMutation(ConfigureAutomaticResponseMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = enabling.fetching || disabling.fetching || configuring.fetching;

  const run = async (change: Promise<{ error?: { message: string } | undefined }>) => {
    const result = await change;
    setProblem(result.error?.message ?? null);
    refetch({ requestPolicy: 'network-only' });
  };
  const toggle = (name: AutomaticResponseName, on: boolean) =>
    run(on ? enable({ name }) : disable({ name }));
  const setDryRun = (name: AutomaticResponseName, dryRun: boolean) =>
    run(configure({ name, dryRun }));

  return (
    <section
      className="panel responses"
      aria-labelledby={`${id}-title`}
      data-testid="automatic-responses"
    >
      <h2 id={`${id}-title`} className="panel__title">
        Automatic responses
      </h2>
      <p className="hint">Off until switched on; dry run records without acting. Admin only.</p>
      {error === undefined ? null : <QueryProblem error={error} />}
      {problem === null ? null : <p className="notice notice--error">{problem}</p>}
      <ul className="responses__list">
        {(data?.automaticResponses ?? []).map((response) => (
          <li key={response.name} className="response">
            <label>
              <input
                type="checkbox"
                checked={response.enabled}
                disabled={busy}
                onChange={(event) => {
                  void toggle(response.name, event.target.checked);
                }}
              />{' '}
              {response.name}
            </label>
            <label>
              <input
                type="checkbox"
                checked={response.dryRun}
                disabled={busy}
                onChange={(event) => {
                  void setDryRun(response.name, event.target.checked);
                }}
              />{' '}
              dry run
            </label>
            <span className={response.conditionHolds ? 'severity severity--warning' : 'muted'}>
              {response.conditionHolds ? 'condition holds' : 'quiet'}
            </span>
            <p className="response__description hint">{response.description}</p>
          </li>
        ))}
      </ul>
      <h3>History</h3>
      {data !== undefined && data.responseHistory.length === 0 ? (
        <p className="muted">No response has acted yet.</p>
      ) : null}
      <ul className="responses__history" data-testid="response-history">
        {(data?.responseHistory ?? []).map((run) => (
          <li key={run.id}>
            <time dateTime={run.at}>{new Date(run.at).toLocaleString()}</time> {run.name} (
            {run.mode}): {run.outcome} — {run.figures.map(figureText).join(' · ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
