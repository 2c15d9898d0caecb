import { useState } from 'react';
import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { AlertRulesQuery, MetricNamesQuery } from '../api/rules.ts';
import { EMPTY_RULE } from '../hooks/use-rule-form.ts';
import { GatedButton } from './gated-button.tsx';
import { RuleCard } from './rule-card.tsx';
import { RuleForm } from './rule-form.tsx';

/** The alert rules, with "New rule", Edit and Delete for admin keys. */
export function RuleList({ manageReason }: { manageReason: string | null }) {
  const [{ data, error }, reexecute] = useQuery({ query: AlertRulesQuery });
  const [{ data: metrics }] = useQuery({ query: MetricNamesQuery });
  const units = new Map((metrics?.metrics ?? []).map((series) => [series.name, series.unit]));
  const [creating, setCreating] = useState(false);
  const refetch = () => {
    reexecute({ requestPolicy: 'network-only' });
  };
  if (error) return <QueryProblem error={error} onRetry={refetch} />;
  return (
    <>
      {creating ? (
        <RuleForm
          initial={EMPTY_RULE}
          ruleId={null}
          onDone={() => {
            setCreating(false);
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
          New rule
        </GatedButton>
      )}
      <ul className="card-list" data-testid="alert-rules">
        {(data?.alertRules ?? []).map((rule) => (
          <RuleCard
            key={rule.id}
            rule={rule}
            unit={units.get(rule.metric)}
            manageReason={manageReason}
            onDeleted={refetch}
          />
        ))}
      </ul>
    </>
  );
}
