import { useId } from 'react';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatMg, formatShare } from '../../../lib/format.ts';

export const DailyLimitMeter_CalculationFragment = graphql(`
  fragment DailyLimitMeter_CalculationFragment on Calculation {
    caffeineMg
    dailyLimitShare
    singleDoseLimitMg
    exceedsSingleDose
  }
`);

/** Adult daily caffeine guidance (EFSA), the bar's full width. */
const DAILY_GUIDANCE_MG = 400;

/**
 * Share of the 400 mg daily guidance as a bar, with the single-dose limit marked on it (the limit
 * itself, in words and with its source, is `CaffeineLimitNote`).
 */
export function DailyLimitMeter({
  calculation: calculationRef,
}: {
  calculation: FragmentType<typeof DailyLimitMeter_CalculationFragment>;
}) {
  const id = useId();
  const calculation = useFragment(DailyLimitMeter_CalculationFragment, calculationRef);
  const share = calculation.dailyLimitShare;
  const fill = Math.min(1, Math.max(0, share));
  const marker = Math.min(1, calculation.singleDoseLimitMg / DAILY_GUIDANCE_MG);
  const level =
    share >= 1 ? 'over' : calculation.exceedsSingleDose || share >= 0.75 ? 'high' : 'ok';

  return (
    <div className="meter">
      <div className="meter__labels">
        <span id={`${id}-label`}>Share of the 400 mg daily guidance</span>
        <strong data-testid="result-daily-share">{formatShare(share)}</strong>
      </div>
      <div
        className={`meter__track meter__track--${level}`}
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-valuetext={`${formatShare(share)} (${formatMg(calculation.caffeineMg)} of 400 mg)`}
      >
        <div className="meter__fill" style={{ inlineSize: `${fill * 100}%` }} />
        <div
          className="meter__marker"
          style={{ insetInlineStart: `${marker * 100}%` }}
          title={`Single-dose limit: ${formatMg(calculation.singleDoseLimitMg)}`}
        />
      </div>
    </div>
  );
}
