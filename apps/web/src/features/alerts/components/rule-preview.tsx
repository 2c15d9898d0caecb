import { useQuery } from 'urql';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { MetricNamesQuery, RulePreviewQuery } from '../api/rules.ts';
import type { RuleDraft } from '../hooks/use-rule-form.ts';
import {
  COMPARISON_SYMBOLS,
  conditionHolds,
  statValue,
  windowLabel,
} from '../utils/alert-labels.ts';
import { formatAlertValue, formatThreshold } from '../utils/alert-numbers.ts';

/**
 * The rule's statistic as the server reads it now and whether the condition would hold: the
 * editor's live preview. (Firing also needs the condition to hold for the rule's "for".)
 */
export function RulePreview({ draft }: { draft: RuleDraft }) {
  const metric = useDebouncedValue(draft.metric.trim(), 300);
  const [{ data, error, fetching }] = useQuery({
    query: RulePreviewQuery,
    variables: { name: metric, window: draft.window },
    pause: metric === '',
  });
  const [{ data: metrics }] = useQuery({ query: MetricNamesQuery });
  const unit = metrics?.metrics.find((series) => series.name === metric)?.unit;
  if (metric === '') return <p className="muted rule-preview">Pick a metric to see its value.</p>;
  if (error) return <p className="rule-preview field-error">No preview: {error.message}</p>;
  if (data === undefined || fetching)
    return <p className="muted rule-preview">Reading {metric}…</p>;
  const value = statValue(data.stats, draft.stat);
  const threshold = Number(draft.threshold);
  const stat = draft.stat.toLowerCase();
  if (value === null) {
    return (
      <p className="rule-preview" data-testid="rule-preview" data-fires="no-data">
        Now: no data for {stat} of {metric} over {windowLabel(draft.window)} — the rule would follow
        its no-data setting.
      </p>
    );
  }
  const fires =
    draft.threshold.trim() !== '' &&
    Number.isFinite(threshold) &&
    conditionHolds(value, draft.comparison, threshold);
  return (
    <p className="rule-preview" data-testid="rule-preview" data-fires={fires ? 'yes' : 'no'}>
      Now: {stat} over {windowLabel(draft.window)} ={' '}
      <strong>{formatAlertValue(value, draft.stat, unit)}</strong>{' '}
      {COMPARISON_SYMBOLS[draft.comparison]}{' '}
      {draft.threshold.trim() !== '' && Number.isFinite(threshold)
        ? formatThreshold(threshold, draft.stat, unit)
        : '?'}{' '}
      →{' '}
      <strong className={fires ? 'rule-preview__fires' : undefined}>
        {fires ? 'would fire now' : 'would not fire now'}
      </strong>
    </p>
  );
}
