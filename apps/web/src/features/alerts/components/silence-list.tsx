import { useState } from 'react';
import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { SilencesQuery } from '../api/silences.ts';
import { newSilence } from '../hooks/use-silence-form.ts';
import type { SilenceDraft } from '../hooks/use-silence-form.ts';
import { GatedButton } from './gated-button.tsx';
import { SilenceCard } from './silence-card.tsx';
import { SilenceForm } from './silence-form.tsx';

/**
 * Silences: the active and upcoming ones, and with "Show past" the expired ones too; admin keys
 * create, edit and expire them early. `prefill` opens the form with matchers (from an alert).
 */
export function SilenceList({
  manageReason,
  prefill,
  onPrefillUsed,
}: {
  manageReason: string | null;
  prefill: SilenceDraft | null;
  onPrefillUsed: () => void;
}) {
  const [showPast, setShowPast] = useState(false);
  const [{ data, error }, reexecute] = useQuery({
    query: SilencesQuery,
    variables: { includeExpired: showPast },
  });
  const [creating, setCreating] = useState(false);
  // "Now" for active/expired: the time of the last load, so rendering stays pure.
  const [now, setNow] = useState(() => Date.now());
  const refetch = () => {
    setNow(Date.now());
    reexecute({ requestPolicy: 'network-only' });
  };
  const draft = prefill ?? (creating ? newSilence() : null);
  if (error) return <QueryProblem error={error} onRetry={refetch} />;
  const silences = data?.silences ?? [];
  return (
    <>
      {draft !== null && manageReason === null ? (
        <SilenceForm
          key={JSON.stringify(draft)}
          initial={draft}
          silenceId={null}
          onDone={() => {
            setCreating(false);
            onPrefillUsed();
            refetch();
          }}
        />
      ) : (
        <GatedButton
          className="button button--small"
          reason={manageReason}
          onClick={() => {
            setCreating(true);
          }}
        >
          New silence
        </GatedButton>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={showPast}
          onChange={(event) => {
            setShowPast(event.target.checked);
          }}
        />{' '}
        Show past silences
      </label>
      {data !== undefined && silences.length === 0 ? (
        <p className="muted">{showPast ? 'No silence yet.' : 'No silence is active.'}</p>
      ) : null}
      <ul className="card-list" data-testid="silence-list">
        {silences.map((silence) => (
          <SilenceCard
            key={silence.id}
            silence={silence}
            now={now}
            manageReason={manageReason}
            onChanged={refetch}
          />
        ))}
      </ul>
    </>
  );
}
