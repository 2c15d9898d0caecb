import { useState } from 'react';
import { useMutation } from 'urql';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { DeleteAlertRuleMutation } from '../api/rules.ts';
import type { RuleDraft } from '../hooks/use-rule-form.ts';
import { SEVERITY_LABELS } from '../utils/alert-labels.ts';
import { conditionText } from '../utils/alert-numbers.ts';
import { mutationProblem } from '../utils/mutation-problem.ts';
import { GatedButton } from './gated-button.tsx';
import { RuleForm } from './rule-form.tsx';

export const RuleCard_AlertRuleFragment = graphql(`
  fragment RuleCard_AlertRuleFragment on AlertRule {
    id
    name
    description
    metric
    stat
    window
    comparison
    threshold
    severity
    enabled
    builtIn
    forMs
    noDataState
  }
`);

/** One rule: its condition in words, with Edit and Delete for admin keys. */
export function RuleCard({
  rule: ruleRef,
  manageReason,
  unit,
  onDeleted,
}: {
  /** The metric's unit, for the condition. */
  unit: string | undefined;
  rule: FragmentType<typeof RuleCard_AlertRuleFragment>;
  /** Why this key may not edit rules; null when it may. */
  manageReason: string | null;
  onDeleted: () => void;
}) {
  const rule = useFragment(RuleCard_AlertRuleFragment, ruleRef);
  const [editing, setEditing] = useState(false);
  const [deleting, remove] = useMutation(DeleteAlertRuleMutation);
  const [message, setMessage] = useState<string | null>(null);
  const draft: RuleDraft = {
    name: rule.name,
    description: rule.description ?? '',
    metric: rule.metric,
    stat: rule.stat,
    window: rule.window,
    comparison: rule.comparison,
    threshold: String(rule.threshold),
    severity: rule.severity,
    forSeconds: String(Math.round(rule.forMs / 1000)),
    noDataState: rule.noDataState,
    enabled: rule.enabled,
  };
  if (editing) {
    return (
      <li className="card-row">
        <RuleForm
          initial={draft}
          ruleId={rule.id}
          onDone={() => {
            setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="card-row" data-testid={`rule-${rule.id}`}>
      <div className="card-row__main">
        <strong>{rule.name}</strong>
        {rule.builtIn ? <span className="muted"> · built-in</span> : null}
        {rule.enabled ? null : <span className="badge"> disabled</span>}
        <div>
          {conditionText(rule, unit)}{' '}
          <span className="muted">· {SEVERITY_LABELS[rule.severity]}</span>
        </div>
      </div>
      <div className="card-row__actions">
        <GatedButton
          reason={manageReason}
          onClick={() => {
            setEditing(true);
          }}
        >
          Edit
        </GatedButton>
        <GatedButton
          reason={manageReason ?? (rule.builtIn ? 'built-in: disable it instead' : null)}
          disabled={deleting.fetching}
          onClick={() => {
            if (!window.confirm(`Delete the rule “${rule.name}”? Its alerts resolve.`)) return;
            void remove({ id: rule.id }).then((result) => {
              const problem = mutationProblem(
                result.error,
                result.data?.deleteAlertRule,
                'Deletion',
              );
              if (problem === null) onDeleted();
              else setMessage(problem['form'] ?? 'Refused.');
            });
          }}
        >
          Delete
        </GatedButton>
        {message === null ? null : (
          <span className="field-error" role="alert">
            {message}
          </span>
        )}
      </div>
    </li>
  );
}
