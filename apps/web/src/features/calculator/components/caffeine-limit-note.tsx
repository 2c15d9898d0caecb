import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatMg } from '../../../lib/format.ts';

export const CaffeineLimitNote_CalculationFragment = graphql(`
  fragment CaffeineLimitNote_CalculationFragment on Calculation {
    rating
    caffeineLimit {
      capMg
      explanation
      sources {
        publisher
        title
        year
        url
        finding
      }
    }
  }
`);

/** The caffeine cap this serving is rated against, how it was derived, and the source it cites. */
export function CaffeineLimitNote({
  calculation: calculationRef,
}: {
  calculation: FragmentType<typeof CaffeineLimitNote_CalculationFragment>;
}) {
  const { rating, caffeineLimit } = useFragment(
    CaffeineLimitNote_CalculationFragment,
    calculationRef,
  );
  return (
    <div className="limit-note" data-testid="result-limit">
      <p>
        Limit for this serving:{' '}
        <strong data-testid="result-limit-cap">{formatMg(caffeineLimit.capMg)}</strong>
        {rating === 'OVER_LIMIT' ? (
          <span className="limit-note__over"> — this serving is over it.</span>
        ) : (
          <span> — this serving is within it.</span>
        )}
      </p>
      <p className="muted" data-testid="result-limit-explanation">
        {caffeineLimit.explanation}
      </p>
      <ul className="limit-note__sources">
        {caffeineLimit.sources.map((source) => (
          <li key={source.url}>
            Source:{' '}
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.publisher} ({source.year}), {source.title}
            </a>
            . {source.finding}
          </li>
        ))}
      </ul>
    </div>
  );
}
