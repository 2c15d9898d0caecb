import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { performanceScore } from '../utils/lighthouse-score.ts';
import { VITAL_NAMES } from '@taurine/vitals';
import type { VitalName } from '@taurine/vitals';
import { VITALS } from '../utils/vitals.ts';
import type { Percentile } from '../utils/vitals.ts';

export const ScoreRing_MetricStatsFragment = graphql(`
  fragment ScoreRing_MetricStatsFragment on MetricStats {
    p75
    p90
    p95
    p99
  }
`);

type StatsRef = FragmentType<typeof ScoreRing_MetricStatsFragment> | null;

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Lighthouse's colour bands: 90+ good, 50–89 average, below 50 poor. */
const band = (score: number) => (score >= 90 ? 'good' : score >= 50 ? 'needs-improvement' : 'poor');

/**
 * A score ring in the style of Lighthouse: each vital at the chosen percentile scored on
 * Lighthouse's log-normal curve, weighted LCP 30 %, INP 30 %, CLS 15 %, FCP 15 %, TTFB 10 %.
 */
export function ScoreRing({
  stats,
  percentile,
}: {
  stats: Record<VitalName, StatsRef> | null;
  percentile: Percentile;
}) {
  const values: Partial<Record<VitalName, number | null>> = {};
  const lcp = useFragment(ScoreRing_MetricStatsFragment, stats?.LCP ?? null);
  const inp = useFragment(ScoreRing_MetricStatsFragment, stats?.INP ?? null);
  const cls = useFragment(ScoreRing_MetricStatsFragment, stats?.CLS ?? null);
  const fcp = useFragment(ScoreRing_MetricStatsFragment, stats?.FCP ?? null);
  const ttfb = useFragment(ScoreRing_MetricStatsFragment, stats?.TTFB ?? null);
  const byName = { LCP: lcp, INP: inp, CLS: cls, FCP: fcp, TTFB: ttfb };
  for (const name of VITAL_NAMES) values[name] = byName[name]?.[percentile] ?? null;
  const result = performanceScore(values);
  const score = result?.score ?? null;
  const partial = result !== null && result.missing.length > 0;

  return (
    <figure className="score-ring" data-testid="score-ring">
      <svg
        viewBox="0 0 128 128"
        width={128}
        height={128}
        role="img"
        aria-label={
          score === null
            ? 'No score yet: no vital has data'
            : `${partial ? 'Partial score' : 'Score'} ${score} of 100`
        }
      >
        <circle cx={64} cy={64} r={RADIUS} className="score-ring__track" />
        {score === null ? null : (
          <circle
            cx={64}
            cy={64}
            r={RADIUS}
            className={`score-ring__value score-ring__value--${band(score)}`}
            strokeDasharray={`${(score / 100) * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
            transform="rotate(-90 64 64)"
          />
        )}
        <text
          x={64}
          y={72}
          textAnchor="middle"
          className="score-ring__text"
          data-testid="score-value"
        >
          {score ?? '–'}
        </text>
      </svg>
      <figcaption>
        <p className="score-ring__caption">
          {partial ? 'Partial score' : 'Score'} at {percentile}
        </p>
        {result === null ? (
          <p className="score-ring__note" data-testid="score-note">
            No vital has data in this window yet.
          </p>
        ) : partial ? (
          <p className="score-ring__note" data-testid="score-note">
            Over {result.parts.map((part) => part.name).join(', ')} only:{' '}
            {result.missing.join(', ')} {result.missing.length === 1 ? 'has' : 'have'} no data, so
            their weight goes to the others.
          </p>
        ) : null}
        <ul className="score-ring__parts">
          {VITAL_NAMES.map((name) => {
            const part = result?.parts.find((p) => p.name === name);
            return (
              <li key={name}>
                {name} <span className="muted">({Math.round(VITALS[name].weight * 100)}%)</span>:{' '}
                {part === undefined ? 'no data' : Math.round(part.score * 100)}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
