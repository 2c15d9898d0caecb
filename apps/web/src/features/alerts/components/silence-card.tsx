import { useState } from 'react';
import { useMutation } from 'urql';
import { DeleteSilenceMutation, UpdateSilenceMutation } from '../api/silences.ts';
import { mutationProblem } from '../utils/mutation-problem.ts';
import { GatedButton } from './gated-button.tsx';
import { SilenceForm } from './silence-form.tsx';

interface SilenceView {
  id: string;
  comment: string;
  createdBy: string;
  startsAt: string;
  endsAt: string;
  matchers: readonly { name: string; value: string }[];
}

const time = (iso: string) => new Date(iso).toLocaleString();

/** One silence: matchers, when, who and why; Edit and "Expire now" while it runs (admin). */
export function SilenceCard({
  silence,
  now,
  manageReason,
  onChanged,
}: {
  silence: SilenceView;
  now: number;
  manageReason: string | null;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [, update] = useMutation(UpdateSilenceMutation);
  const [, remove] = useMutation(DeleteSilenceMutation);
  const starts = Date.parse(silence.startsAt);
  const ends = Date.parse(silence.endsAt);
  const state = ends <= now ? 'expired' : starts > now ? 'upcoming' : 'active';
  if (editing) {
    return (
      <li className="card-row">
        <SilenceForm
          initial={{
            matchers: silence.matchers.map(({ name, value }) => ({ name, value })),
            minutes: String(Math.max(1, Math.round((ends - now) / 60_000))),
            comment: silence.comment,
          }}
          silenceId={silence.id}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  }
  const expire = () => {
    // One that has not started yet is removed; a running one ends now and stays in the past list.
    const request =
      state === 'upcoming'
        ? remove({ id: silence.id }).then((r) =>
            mutationProblem(r.error, r.data?.deleteSilence, 'Deletion'),
          )
        : update({ id: silence.id, input: { endsAt: new Date().toISOString() } }).then((r) =>
            mutationProblem(r.error, r.data?.updateSilence, 'Silence'),
          );
    void request.then((problem) => {
      if (problem === null) onChanged();
      else setMessage(problem['form'] ?? 'Refused.');
    });
  };
  return (
    <li className="card-row" data-testid="silence" data-state={state}>
      <div className="card-row__main">
        <strong>
          {silence.matchers.map(({ name, value }) => `${name} = ${value}`).join(', ')}
        </strong>{' '}
        <span className={`badge badge--${state}`}>{state}</span>
        <div className="muted">
          {time(silence.startsAt)} → {time(silence.endsAt)} · {silence.createdBy}: “
          {silence.comment}”
        </div>
      </div>
      {state === 'expired' ? null : (
        <div className="card-row__actions">
          <GatedButton
            reason={manageReason}
            onClick={() => {
              setEditing(true);
            }}
          >
            Edit
          </GatedButton>
          <GatedButton reason={manageReason} onClick={expire}>
            {state === 'upcoming' ? 'Cancel silence' : 'Expire now'}
          </GatedButton>
          {message === null ? null : (
            <span className="field-error" role="alert">
              {message}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
