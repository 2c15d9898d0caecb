import { useId, useMemo, useReducer, useState } from 'react';
import { useQuery } from 'urql';
import { useFragment } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { CalculateDrinkQuery } from '../api/calculate-drink.ts';
import { useOfflineCalculation } from '../hooks/use-offline-calculation.ts';
import { IngredientsQuery } from '../api/ingredients.ts';
import { loadLastDrink, useRememberDrink } from '../hooks/use-last-drink.ts';
import { useTrackCalculation } from '../hooks/use-track-calculation.ts';
import type { DrinkInput, FieldErrors } from '../utils/drink-form.ts';
import {
  drinkFormReducer,
  initialDrinkForm,
  mapServerErrors,
  toDrinkRequest,
} from '../utils/drink-form.ts';
import { AddInsEditor } from './add-ins-editor.tsx';
import { BodyWeightField } from './body-weight-field.tsx';
import { CalculationResult } from './calculation-result.tsx';
import { FlavorPicker } from './flavor-picker.tsx';
import { SelectedFlavor } from './selected-flavor.tsx';
import { ServingSizeField } from './serving-size-field.tsx';

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
  const id = useId();
  // The visitor's last drink comes back from the localStorage tier, so a return visit starts
  // where they left off.
  const [restored] = useState(loadLastDrink);
  const [form, dispatch] = useReducer(drinkFormReducer, restored ?? initialDrinkForm);
  useRememberDrink(form);
  const [lastAddedKey, setLastAddedKey] = useState<number | null>(null);
  const { request, clientErrors } = useMemo(() => toDrinkRequest(form), [form]);
  const sent = useDebouncedValue(request, CALCULATE_DEBOUNCE_MS);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CalculateDrinkQuery,
    variables: { input: sent?.input ?? NO_INPUT },
    pause: sent === null,
  });
  const [{ data: ingredientsData, error: ingredientsError }] = useQuery({
    query: IngredientsQuery,
  });

  const result = data?.calculate;
  const offline = useOfflineCalculation(sent?.input ?? null, error);
  const validation = useFragment(
    Calculator_ValidationErrorFragment,
    result?.__typename === 'ValidationError' ? result : null,
  );
  const upToDate = sent !== null && request !== null && sent.key === request.key && !fetching;

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
        <p className="notice calculator__restored" role="status" data-testid="restored-drink">
          Your last drink is back.
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              dispatch({ type: 'reset' });
            }}
          >
            Start over
          </button>
        </p>
      ) : null}
      <div className="calculator__inputs">
        <FlavorPicker
          selectedId={form.flavorId}
          onSelect={(flavorId) => {
            dispatch({ type: 'selectFlavor', flavorId });
          }}
          error={errors['flavorId']}
        />
        <section className="panel" aria-labelledby={`${id}-drink`}>
          <h2 id={`${id}-drink`} className="panel__title">
            <span className="step" aria-hidden="true">
              2
            </span>
            Make it yours
          </h2>
          <ServingSizeField
            value={form.servingMl}
            onChange={(servingMl) => {
              dispatch({ type: 'setServing', servingMl });
            }}
            error={errors['servingMl']}
          />
          {ingredientsError ? (
            <p className="notice notice--error" role="alert">
              Add-ins are unavailable: the ingredient list could not be loaded.
            </p>
          ) : (
            <AddInsEditor
              ingredients={ingredientsData?.ingredients ?? []}
              rows={form.addIns}
              errors={errors}
              lastAddedKey={lastAddedKey}
              onAdd={(ingredientId) => {
                setLastAddedKey(form.nextKey);
                dispatch({ type: 'addAddIn', ingredientId });
              }}
              onChange={(key, change) => {
                dispatch({ type: 'updateAddIn', key, ...change });
              }}
              onRemove={(key) => {
                dispatch({ type: 'removeAddIn', key });
              }}
            />
          )}
          <BodyWeightField
            value={form.bodyWeightKg}
            onChange={(bodyWeightKg) => {
              dispatch({ type: 'setBodyWeight', bodyWeightKg });
            }}
            error={errors['bodyWeightKg']}
          />
        </section>
      </div>

      <section
        className="panel calculator__result"
        aria-labelledby={`${id}-result`}
        aria-busy={request !== null && !upToDate}
      >
        <h2 id={`${id}-result`} className="panel__title">
          <span className="step" aria-hidden="true">
            3
          </span>
          Your drink
        </h2>
        {form.flavorId === null ? (
          <p className="placeholder">
            Pick a flavor to see its caffeine, sugar, energy and cost per serving, and how it rates
            against the caffeine guidance.
          </p>
        ) : request === null ? (
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
        ) : error && !fetching ? (
          <div className="notice notice--error" role="alert">
            <p>
              The calculation failed: the server could not be reached or answered with an error.
            </p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                reexecute({ requestPolicy: 'network-only' });
              }}
            >
              Try again
            </button>
          </div>
        ) : result?.__typename === 'Calculation' ? (
          <div className={upToDate ? undefined : 'is-stale'}>
            <CalculationResult calculation={result} />
          </div>
        ) : validation ? (
          <div className="notice notice--error" role="alert" data-testid="validation-summary">
            <p>This drink cannot be calculated yet: fix the highlighted fields.</p>
            {errors['form'] === undefined ? null : <p>{errors['form']}</p>}
          </div>
        ) : (
          <p className="muted" role="status">
            Calculating…
          </p>
        )}
        {form.flavorId === null ? null : <SelectedFlavor flavorId={form.flavorId} />}
      </section>
    </div>
  );
}
