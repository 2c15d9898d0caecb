import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatMg } from '../../../lib/format.ts';
import { SAFETY_RATING_LABELS } from '../utils/labels.ts';

export const ResultJumpLink_CalculationFragment = graphql(`
  fragment ResultJumpLink_CalculationFragment on Calculation {
    caffeineMg
    rating
  }
`);

/** The id of the result panel the link jumps to. */
export const DRINK_RESULT_ID = 'drink-result';

/**
 * On narrow screens the result comes after the flavor list and the form: this bar stays at the
 * bottom of the screen with the verdict and one link to the result, so a phone user never has to
 * scroll past the list to find it. Hidden on wide screens, where the result sits beside the form.
 */
export function ResultJumpLink({
  calculation: calculationRef,
}: {
  calculation: FragmentType<typeof ResultJumpLink_CalculationFragment> | null;
}) {
  const calculation = useFragment(ResultJumpLink_CalculationFragment, calculationRef);
  return (
    <div className="result-jump" data-testid="result-jump">
      {calculation ? (
        <span className="result-jump__summary">
          {formatMg(calculation.caffeineMg)} · {SAFETY_RATING_LABELS[calculation.rating].label}
        </span>
      ) : null}
      <a
        className="result-jump__link"
        href={`#${DRINK_RESULT_ID}`}
        onClick={(event) => {
          const target = document.getElementById(DRINK_RESULT_ID);
          if (target === null) return;
          event.preventDefault();
          target.scrollIntoView({ block: 'start' });
          target.focus({ preventScroll: true });
        }}
      >
        See your drink ↓
      </a>
    </div>
  );
}
