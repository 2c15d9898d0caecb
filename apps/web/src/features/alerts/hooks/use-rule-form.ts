import { useState } from 'react';
import { useMutation } from 'urql';
import type {
  AlertComparison,
  AlertNoDataState,
  AlertSeverity,
  Stat,
  StatsWindow,
} from '../../../gql/graphql.ts';
import { CreateAlertRuleMutation, UpdateAlertRuleMutation } from '../api/rules.ts';
import { mutationProblem } from '../utils/mutation-problem.ts';

/** A rule as the editor holds it: numbers stay text until saved, so typing is never fought. */
export interface RuleDraft {
  name: string;
  description: string;
  metric: string;
  stat: Stat;
  window: StatsWindow;
  comparison: AlertComparison;
  threshold: string;
  severity: AlertSeverity;
  forSeconds: string;
  noDataState: AlertNoDataState;
  enabled: boolean;
}

export const EMPTY_RULE: RuleDraft = {
  name: '',
  description: '',
  metric: '',
  stat: 'P95',
  window: 'LAST_5M',
  comparison: 'GT',
  threshold: '',
  severity: 'WARNING',
  forSeconds: '0',
  noDataState: 'OK',
  enabled: true,
};

/** Field → message, from the server's `ValidationError` or the editor's own checks. */
export type FieldErrors = Partial<Record<keyof RuleDraft | 'form', string>>;

/** Checks what the server would refuse anyway, so the user sees it before Save. */
function checkDraft(draft: RuleDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.name.trim() === '') errors.name = 'A rule needs a name.';
  if (draft.metric.trim() === '') errors.metric = 'Pick a metric.';
  if (draft.threshold.trim() === '' || !Number.isFinite(Number(draft.threshold)))
    errors.threshold = 'A number, e.g. 500.';
  const forSeconds = Number(draft.forSeconds);
  if (!Number.isInteger(forSeconds) || forSeconds < 0)
    errors.forSeconds = 'Whole seconds, 0 or more.';
  return errors;
}

/**
 * The rule editor's state and Save: creates a rule (no `ruleId`) or patches one, and maps the
 * server's typed errors onto the fields (`threshold`, `metric`…). `onSaved` runs on success.
 */
export function useRuleForm(initial: RuleDraft, ruleId: string | null, onSaved: () => void) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, create] = useMutation(CreateAlertRuleMutation);
  const [updated, update] = useMutation(UpdateAlertRuleMutation);

  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const save = async () => {
    const problems = checkDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const input = {
      name: draft.name.trim(),
      description: draft.description.trim() === '' ? null : draft.description.trim(),
      metric: draft.metric.trim(),
      stat: draft.stat,
      window: draft.window,
      comparison: draft.comparison,
      threshold: Number(draft.threshold),
      severity: draft.severity,
      forMs: Number(draft.forSeconds) * 1000,
      noDataState: draft.noDataState,
      enabled: draft.enabled,
    };
    const result = ruleId === null ? await create({ input }) : await update({ id: ruleId, input });
    const outcome =
      result.data && 'createAlertRule' in result.data
        ? result.data.createAlertRule
        : result.data && 'updateAlertRule' in result.data
          ? result.data.updateAlertRule
          : undefined;
    const problem = mutationProblem(result.error, outcome, 'AlertRule');
    if (problem === null) {
      onSaved();
      return;
    }
    setErrors(problem);
  };

  return { draft, set, errors, save, saving: created.fetching || updated.fetching };
}
