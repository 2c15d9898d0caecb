import type { SafetyRating } from '../../../gql/graphql.ts';
import { SAFETY_RATING_LABELS } from '../utils/labels.ts';

/** The rating in colour, symbol and words: colour is never the only signal. */
export function SafetyRatingBadge({ rating }: { rating: SafetyRating }) {
  const { label, symbol, description } = SAFETY_RATING_LABELS[rating];
  return (
    <div className={`rating rating--${rating.toLowerCase().replace('_', '-')}`}>
      <span className="rating__symbol" aria-hidden="true">
        {symbol}
      </span>
      <div>
        <p className="rating__label" data-testid="result-rating">
          {label}
        </p>
        <p className="rating__description">{description}</p>
      </div>
    </div>
  );
}
