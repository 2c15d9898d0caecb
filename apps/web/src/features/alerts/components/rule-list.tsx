import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { AlertSeverity } from '../../../gql/graphql.ts';
import { AlertRulesQuery, UpdateAlertRuleMutation } from '../api/alerts.ts';

export const RuleList_AlertRuleFragment = graphql(`
  fragment RuleList_AlertRuleFragment on AlertRule {
    id
    name
    metric
    stat
    window
    comparison
    threshold
    severity
    enabled
    builtIn
    forMs
  }
`);

const COMPARISONS: Record<string, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤' };
const SEVERITIES: AlertSeverity[] = ['CRITICAL', 'ERROR', 'WARNING', 'INFO'];

/** The alert rules with an inline editor for threshold, severity and enabled (admin key). */
export function RuleList() {
  const [{ data, error }, reexecute] = useQuery({ query: AlertRulesQuery });
  if (error)
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  return (
    <table className="data-table" data-testid="alert-rules">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Condition</th>
          <th scope="col">Severity</th>
          <th scope="col">Enabled</th>
          <th scope="col">
            <span className="visually-hidden">Save</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {(data?.alertRules ?? []).map((rule) => (
          <RuleRow key={rule.id} rule={rule} />
        ))}
      </tbody>
    </table>
  );
}

function RuleRow({ rule: ruleRef }: { rule: FragmentType<typeof RuleList_AlertRuleFragment> }) {
  const rule = useFragment(RuleList_AlertRuleFragment, ruleRef);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [severity, setSeverity] = useState(rule.severity);
  const [enabled, setEnabled] = useState(rule.enabled);
  const [saved, save] = useMutation(UpdateAlertRuleMutation);
  const [message, setMessage] = useState<string | null>(null);
  const changed =
    Number(threshold) !== rule.threshold || severity !== rule.severity || enabled !== rule.enabled;

  return (
    <tr>
      <th scope="row">
        {rule.name}
        {rule.builtIn ? <span className="muted"> · built-in</span> : null}
      </th>
      <td>
        <code>
          {rule.stat.toLowerCase()}({rule.metric}) {COMPARISONS[rule.comparison] ?? rule.comparison}
        </code>{' '}
        <input
          className="rule-threshold"
          aria-label={`Threshold of ${rule.name}`}
          inputMode="decimal"
          value={threshold}
          onChange={(event) => {
            setThreshold(event.target.value);
          }}
        />
        <span className="muted">
          {' '}
          for {Math.round(rule.forMs / 1000)} s over{' '}
          {rule.window.replace('LAST_', '').toLowerCase()}
        </span>
      </td>
      <td>
        <select
          aria-label={`Severity of ${rule.name}`}
          value={severity}
          onChange={(event) => {
            setSeverity(event.target.value as AlertSeverity);
          }}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${rule.name} enabled`}
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.target.checked);
          }}
        />
      </td>
      <td>
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={!changed || saved.fetching || !Number.isFinite(Number(threshold))}
          onClick={() => {
            setMessage(null);
            void save({
              id: rule.id,
              input: { threshold: Number(threshold), severity, enabled },
            }).then((result) => {
              const outcome = result.data?.updateAlertRule;
              if (result.error) setMessage('Saving needs an admin API key.');
              else if (outcome && outcome.__typename !== 'AlertRule') setMessage(outcome.message);
              else setMessage('Saved');
            });
          }}
        >
          Save
        </button>
        {message === null ? null : <span className="muted"> {message}</span>}
      </td>
    </tr>
  );
}
