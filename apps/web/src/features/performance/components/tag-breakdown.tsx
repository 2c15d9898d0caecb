import { useQuery } from 'urql';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { formatDecimal } from '../../../lib/number-format.ts';
import { CounterSeriesQuery, CounterTotalQuery } from '../api/visitors-business.ts';

interface TagBreakdownProps {
  /** A counter, e.g. `visitor.pageViews`. */
  metric: string;
  /** The tag to split it by, e.g. `route`. */
  tagKey: string;
  /** Column heading of the tag's values. */
  label: string;
  window: StatsWindow;
}

/**
 * A counter's total per value of one tag over the window, one row per value that has a series
 * (bounded: routes and features come from allow-lists).
 */
export function TagBreakdown({ metric, tagKey, label, window }: TagBreakdownProps) {
  const [{ data }] = useQuery({ query: CounterSeriesQuery, variables: { prefix: metric } });
  const values = [
    ...new Set(
      (data?.metrics ?? [])
        .filter((series) => series.name === metric)
        .flatMap((series) => series.tags.filter((tag) => tag.key === tagKey))
        .map((tag) => tag.value),
    ),
  ].sort();
  if (values.length === 0) return null;
  return (
    <table className="data-table" data-testid={`breakdown-${tagKey}`}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="numeric">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {values.map((value) => (
          <TagTotalRow key={value} metric={metric} tag={{ key: tagKey, value }} window={window} />
        ))}
      </tbody>
    </table>
  );
}

function TagTotalRow({
  metric,
  tag,
  window,
}: {
  metric: string;
  tag: { key: string; value: string };
  window: StatsWindow;
}) {
  const [{ data }] = useQuery({
    query: CounterTotalQuery,
    variables: { name: metric, tags: [tag], window },
  });
  const sum = data?.stats.sum;
  return (
    <tr>
      <th scope="row">
        <code>{tag.value}</code>
      </th>
      <td className="numeric">{sum == null ? '–' : formatDecimal(sum, 0)}</td>
    </tr>
  );
}
