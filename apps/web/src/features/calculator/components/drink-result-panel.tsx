import { useId } from 'react';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import type { OfflineCalculation } from '../hooks/use-offline-calculation.ts';
import type { CalculationResult_CalculationFragment } from './calculation-result.tsx';
import { CalculationResult } from './calculation-result.tsx';
import { DRINK_RESULT_ID } from './result-jump-link.tsx';
import { SelectedFlavor } from './selected-flavor.tsx';

interface DrinkResultPanelProps {
  flavorId: string | null;
  /** False while the form has fields to fix, so nothing can be sent. */
  hasRequest: boolean;
  /** The answer shown belongs to the drink as it is now (no change waiting or in flight). */
  upToDate: boolean;
  fetching: boolean;
  /** The last request failed (network or server error). */
  failed: boolean;
  /** Calculated on this device because the server could not be reached. */
  offline: OfflineCalculation | null;
  /** The server's result, when it calculated the drink. */
  calculation: FragmentType<typeof CalculationResult_CalculationFragment> | null;
  /** The server answered with field errors (shown beside the inputs). */
  invalid: boolean;
  /** An error that concerns no single field. */
  formError: string | undefined;
  onRetry: () => void;
}

/** Step 3, "Your drink": the result, or why there is none yet, and the chosen flavor. */
export function DrinkResultPanel({
  flavorId,
  hasRequest,
  upToDate,
  fetching,
  failed,
  offline,
  calculation,
  invalid,
  formError,
  onRetry,
}: DrinkResultPanelProps) {
  const id = useId();
  return (
    <section
      id={DRINK_RESULT_ID}
      tabIndex={-1}
      className="panel calculator__result"
      aria-labelledby={`${id}-result`}
      aria-busy={hasRequest && !upToDate}
    >
      <h2 id={`${id}-result`} className="panel__title">
        <span className="step" aria-hidden="true">
          3
        </span>
        Your drink
      </h2>
      {flavorId === null ? (
        <p className="placeholder">
          Pick a flavor to see its caffeine, sugar, energy and cost per serving, and how it rates
          against the caffeine guidance.
        </p>
      ) : !hasRequest ? (
        <p className="notice" role="status">
          Fix the highlighted fields to see the result.
        </p>
      ) : offline !== null && !fetching ? (
        <div data-testid="offline-result">
          <p className="notice" role="status">
            Offline: calculated on this device. The numbers are the same as the server’s.
          </p>
          <CalculationResult calculation={offline} />
        </div>
      ) : failed && !fetching ? (
        <div className="notice notice--error" role="alert">
          <p>The calculation failed: the server could not be reached or answered with an error.</p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : calculation !== null ? (
        <div className={upToDate ? undefined : 'is-stale'}>
          <CalculationResult calculation={calculation} />
        </div>
      ) : invalid ? (
        <div className="notice notice--error" role="alert" data-testid="validation-summary">
          <p>This drink cannot be calculated yet: fix the highlighted fields.</p>
          {formError === undefined ? null : <p>{formError}</p>}
        </div>
      ) : (
        <p className="muted" role="status">
          Calculating…
        </p>
      )}
      {flavorId === null ? null : <SelectedFlavor flavorId={flavorId} />}
    </section>
  );
}
