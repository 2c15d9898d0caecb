import { useQuery } from 'urql';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { VitalRatingsQuery } from '../api/vital-ratings.ts';
import { VITAL_RATINGS, rateVital } from '@taurine/vitals';
import type { VitalName, VitalRating } from '@taurine/vitals';
import { RATING_LABELS, VITALS, formatVital, rateAtPercentile } from '../utils/vitals.ts';
import type { Percentile } from '../utils/vitals.ts';

export const VitalCard_MetricStatsFragment = graphql(`
  fragment VitalCard_MetricStatsFragment on MetricStats {
    count
    p75
    p90
    p95
    p99
  }
`);

interface VitalCardProps {
  name: VitalName;
  stats: FragmentType<typeof VitalCard_MetricStatsFragment> | null;
  percentile: Percentile;
  device: string | null;
  window: StatsWindow;
}

/** One vital at the chosen percentile, rated, with its good / needs-improvement / poor shares. */
export function VitalCard({ name, stats: statsRef, percentile, device, window }: VitalCardProps) {
  const stats = useFragment(VitalCard_MetricStatsFragment, statsRef);
  const tagsFor = (rating: VitalRating) => [
    { key: 'metric', value: name },
    { key: 'rating', value: rating },
    ...(device === null ? [] : [{ key: 'device', value: device }]),
  ];
  const [{ data: ratings }] = useQuery({
    query: VitalRatingsQuery,
    variables: {
      good: tagsFor('good'),
      needsImprovement: tagsFor('needs-improvement'),
      poor: tagsFor('poor'),
      window,
    },
  });
  const value = stats?.[percentile] ?? null;
  const counts = {
    good: ratings?.good.sum ?? 0,
    'needs-improvement': ratings?.needsImprovement.sum ?? 0,
    poor: ratings?.poor.sum ?? 0,
  };
  const total = counts.good + counts['needs-improvement'] + counts.poor;
  // The exact counts decide; the sketched value only while they are not loaded yet.
  const rating =
    value === null ? null : (rateAtPercentile(percentile, counts) ?? rateVital(name, value));
  const [good, poor] = VITALS[name].thresholds;

  return (
    <article className="vital-card" data-testid={`vital-${name}`}>
      <h3 className="vital-card__name">
        {name} <span className="muted">{VITALS[name].label}</span>
      </h3>
      <p
        className={`vital-card__value rating--${rating ?? 'none'}`}
        data-testid={`vital-${name}-value`}
      >
        {formatVital(name, value)}
        <span className="vital-card__percentile"> {percentile}</span>
      </p>
      <p className="vital-card__rating" data-testid={`vital-${name}-rating`}>
        {rating === null ? 'No reports yet' : RATING_LABELS[rating]}
        <span className="muted"> · {stats?.count ?? 0} reports</span>
      </p>
      <div
        className="shares"
        role="img"
        aria-label={
          total === 0
            ? 'No ratings yet'
            : VITAL_RATINGS.map(
                (r) => `${RATING_LABELS[r]} ${Math.round((counts[r] / total) * 100)}%`,
              ).join(', ')
        }
      >
        {total === 0 ? (
          <span className="shares__empty" />
        ) : (
          VITAL_RATINGS.map((r) =>
            counts[r] === 0 ? null : (
              <span
                key={r}
                className={`shares__part shares__part--${r}`}
                style={{ flexGrow: counts[r] }}
              >
                {Math.round((counts[r] / total) * 100)}%
              </span>
            ),
          )
        )}
      </div>
      <p className="vital-card__thresholds muted">
        good ≤ {formatVital(name, good)} · poor &gt; {formatVital(name, poor)}
      </p>
    </article>
  );
}
