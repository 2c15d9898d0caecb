import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatGrams, formatKcal, formatMg, formatMl, formatUsd } from '../../../lib/format.ts';
import { CaffeineLimitNote } from './caffeine-limit-note.tsx';
import { CalculationBreakdown } from './calculation-breakdown.tsx';
import { DailyLimitMeter } from './daily-limit-meter.tsx';
import { SAFETY_RATING_LABELS } from '../utils/labels.ts';
import { SafetyRatingBadge } from './safety-rating-badge.tsx';

export const CalculationResult_CalculationFragment = graphql(`
  fragment CalculationResult_CalculationFragment on Calculation {
    flavorName
    servingMl
    caffeineMg
    caffeinePer100ml
    sugarG
    kcal
    costUsd
    rating
    warnings
    ...DailyLimitMeter_CalculationFragment
    ...CaffeineLimitNote_CalculationFragment
    ...CalculationBreakdown_CalculationFragment
  }
`);

/** What one serving contains and how it rates against the caffeine guidance. */
export function CalculationResult({
  calculation: calculationRef,
}: {
  calculation: FragmentType<typeof CalculationResult_CalculationFragment>;
}) {
  const calculation = useFragment(CalculationResult_CalculationFragment, calculationRef);
  return (
    <div className="result" data-testid="calculation-result">
      <p className="result__title">
        {calculation.flavorName}, {formatMl(calculation.servingMl)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {formatMg(calculation.caffeineMg)} of caffeine:{' '}
        {SAFETY_RATING_LABELS[calculation.rating].label.toLowerCase()}.
      </p>
      <SafetyRatingBadge rating={calculation.rating} />
      <dl className="stats">
        <div className="stat stat--primary">
          <dt>Caffeine</dt>
          <dd>
            <span className="stat__value" data-testid="result-caffeine">
              {formatMg(calculation.caffeineMg)}
            </span>
            <span className="stat__sub">
              <span data-testid="result-caffeine-per-100ml">
                {formatMg(calculation.caffeinePer100ml)}
              </span>{' '}
              per 100 ml
            </span>
          </dd>
        </div>
        <div className="stat">
          <dt>Sugar</dt>
          <dd className="stat__value" data-testid="result-sugar">
            {formatGrams(calculation.sugarG)}
          </dd>
        </div>
        <div className="stat">
          <dt>Energy</dt>
          <dd className="stat__value" data-testid="result-kcal">
            {formatKcal(calculation.kcal)}
          </dd>
        </div>
        <div className="stat">
          <dt>Cost</dt>
          <dd className="stat__value" data-testid="result-cost">
            {formatUsd(calculation.costUsd)}
          </dd>
        </div>
      </dl>
      <DailyLimitMeter calculation={calculation} />
      <CaffeineLimitNote calculation={calculation} />
      {calculation.warnings.length > 0 ? (
        <div className="warnings" data-testid="result-warnings">
          <h3 className="warnings__title">
            <span aria-hidden="true">⚠ </span>Warnings
          </h3>
          <ul>
            {calculation.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <CalculationBreakdown calculation={calculation} />
    </div>
  );
}
