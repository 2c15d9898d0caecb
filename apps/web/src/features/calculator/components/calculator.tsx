import { useCallback, useMemo, useReducer, useState } from 'react';
import { useQuery } from 'urql';
import { useFragment } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { trackFeature } from '../../../lib/analytics/analytics-tracker.ts';
import { CalculateDrinkQuery } from '../api/calculate-drink.ts';
import { useOfflineCalculation } from '../hooks/use-offline-calculation.ts';
import { loadLastDrink, useRememberDrink } from '../hooks/use-last-drink.ts';
import { useTrackCalculation } from '../hooks/use-track-calculation.ts';
import type { DrinkFormAction, DrinkInput, FieldErrors } from '../utils/drink-form.ts';
import { FEATURE_OF_ACTION } from '../utils/feature-usage.ts';
import {
  drinkFormReducer,
  initialDrinkForm,
  mapServerErrors,
  toDrinkRequest,
} from '../utils/drink-form.ts';
import { CustomizeDrinkPanel } from './customize-drink-panel.tsx';
import { DrinkResultPanel } from './drink-result-panel.tsx';
import { FlavorPicker } from './flavor-picker.tsx';
import { RestoredDrinkNotice } from './restored-drink-notice.tsx';
import { ResultJumpLink } from './result-jump-link.tsx';

export const Calculator_ValidationErrorFragment = graphql(`
  fragment Calculator_ValidationErrorFragment on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
`);

/** Wait for typing to pause before asking the server. */
export const CALCULATE_DEBOUNCE_MS = 250;

const NO_INPUT: DrinkInput = { flavorId: '', servingMl: 0, addIns: [], bodyWeightKg: null };

interface CalculatorProps {
  /** Overridable for tests; see `useTrackCalculation`. */
  trackSettleMs?: number;
}

/**
 * The energy drink calculator: the visitor builds a drink, the server calculates it live (debounced)
 * and answers with the result or with field errors, which are shown beside the inputs they concern.
 */
export function Calculator({ trackSettleMs }: CalculatorProps) {
  // The visitor's last drink comes back from the localStorage tier, so a return visit starts
  // where they left off.
  const [restored] = useState(loadLastDrink);
  const [form, dispatchForm] = useReducer(drinkFormReducer, restored ?? initialDrinkForm);
  // The visitor's discrete actions count as feature uses (visitor analytics, no personal data).
  const dispatch = useCallback((action: DrinkFormAction) => {
    const feature = FEATURE_OF_ACTION[action.type];
    if (feature !== undefined) trackFeature(feature);
    dispatchForm(action);
  }, []);
  useRememberDrink(form);
  const { request, clientErrors } = useMemo(() => toDrinkRequest(form), [form]);
  const sent = useDebouncedValue(request, CALCULATE_DEBOUNCE_MS);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CalculateDrinkQuery,
    variables: { input: sent?.input ?? NO_INPUT },
    pause: sent === null,
  });

  const result = data?.calculate;
  const offline = useOfflineCalculation(sent?.input ?? null, error);
  const validation = useFragment(
    Calculator_ValidationErrorFragment,
    result?.__typename === 'ValidationError' ? result : null,
  );
  const upToDate = sent !== null && request !== null && sent.key === request.key && !fetching;
  const calculation = result?.__typename === 'Calculation' ? result : null;

  const errors: FieldErrors = useMemo(() => {
    if (request === null || validation == null || sent === null) return clientErrors;
    return { ...mapServerErrors(validation.errors, sent.addInRowKeys), ...clientErrors };
  }, [request, validation, sent, clientErrors]);

  useTrackCalculation(
    upToDate && result?.__typename === 'Calculation'
      ? { key: sent.key, flavorId: sent.input.flavorId }
      : null,
    trackSettleMs,
  );

  return (
    <div className="calculator">
      {restored !== null && form !== initialDrinkForm ? (
        <RestoredDrinkNotice
          onStartOver={() => {
            dispatch({ type: 'reset' });
          }}
        />
      ) : null}
      <div className="calculator__inputs">
        <FlavorPicker
          selectedId={form.flavorId}
          onSelect={(flavorId, defaultServingMl) => {
            dispatch({ type: 'selectFlavor', flavorId, defaultServingMl });
          }}
          error={errors['flavorId']}
        />
        <CustomizeDrinkPanel form={form} errors={errors} dispatch={dispatch} />
      </div>

      <DrinkResultPanel
        flavorId={form.flavorId}
        hasRequest={request !== null}
        upToDate={upToDate}
        fetching={fetching}
        failed={error !== undefined}
        offline={offline}
        calculation={calculation}
        invalid={validation != null}
        formError={errors['form']}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
      {form.flavorId === null ? null : (
        <ResultJumpLink calculation={offline ?? (calculation && upToDate ? calculation : null)} />
      )}
    </div>
  );
}
