import { useState } from 'react';
import { useMutation } from 'urql';
import { CreateSilenceMutation, UpdateSilenceMutation } from '../api/silences.ts';
import { mutationProblem } from '../utils/mutation-problem.ts';

/** A silence as the editor holds it: it runs from now for `minutes`. */
export interface SilenceDraft {
  matchers: { name: string; value: string }[];
  minutes: string;
  comment: string;
}

export type SilenceErrors = Partial<Record<'matchers' | 'minutes' | 'comment' | 'form', string>>;

export const newSilence = (matchers = [{ name: 'alertname', value: '' }]): SilenceDraft => ({
  matchers,
  minutes: '60',
  comment: '',
});

function checkDraft(draft: SilenceDraft): SilenceErrors {
  const errors: SilenceErrors = {};
  if (!draft.matchers.some((matcher) => matcher.name.trim() !== '' && matcher.value.trim() !== ''))
    errors.matchers = 'At least one matcher with a label and a value.';
  const minutes = Number(draft.minutes);
  if (!Number.isFinite(minutes) || minutes <= 0) errors.minutes = 'Minutes, more than 0.';
  if (draft.comment.trim() === '') errors.comment = 'Say why (a ticket, a deploy…).';
  return errors;
}

/** The silence editor's state and Save: creates one, or edits `silenceId` (ends `minutes` from now). */
export function useSilenceForm(
  initial: SilenceDraft,
  silenceId: string | null,
  onSaved: () => void,
) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<SilenceErrors>({});
  const [created, create] = useMutation(CreateSilenceMutation);
  const [updated, update] = useMutation(UpdateSilenceMutation);
  const set = <K extends keyof SilenceDraft>(key: K, value: SilenceDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const save = async () => {
    const problems = checkDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const input = {
      matchers: draft.matchers
        .filter((matcher) => matcher.name.trim() !== '' && matcher.value.trim() !== '')
        .map((matcher) => ({ name: matcher.name.trim(), value: matcher.value.trim() })),
      endsAt: new Date(Date.now() + Number(draft.minutes) * 60_000).toISOString(),
      comment: draft.comment.trim(),
    };
    const result =
      silenceId === null ? await create({ input }) : await update({ id: silenceId, input });
    const outcome =
      result.data && 'createSilence' in result.data
        ? result.data.createSilence
        : result.data && 'updateSilence' in result.data
          ? result.data.updateSilence
          : undefined;
    const problem = mutationProblem(result.error, outcome, 'Silence');
    if (problem === null) onSaved();
    else setErrors(problem);
  };

  return { draft, set, errors, save, saving: created.fetching || updated.fetching };
}
