import { useId, useState } from 'react';
import type { Dispatch } from 'react';
import { useQuery } from 'urql';
import { IngredientsQuery } from '../api/ingredients.ts';
import { SelectedFlavorQuery } from '../api/selected-flavor.ts';
import type { DrinkForm, DrinkFormAction, FieldErrors } from '../utils/drink-form.ts';
import { AddInsEditor } from './add-ins-editor.tsx';
import { BodyWeightField } from './body-weight-field.tsx';
import { ServingSizeField } from './serving-size-field.tsx';

interface CustomizeDrinkPanelProps {
  form: DrinkForm;
  errors: FieldErrors;
  dispatch: Dispatch<DrinkFormAction>;
}

/** Step 2, "Make it yours": serving size, add-ins (from the ingredient list), body weight. */
export function CustomizeDrinkPanel({ form, errors, dispatch }: CustomizeDrinkPanelProps) {
  const id = useId();
  const [lastAddedKey, setLastAddedKey] = useState<number | null>(null);
  const [{ data: ingredientsData, error: ingredientsError }] = useQuery({
    query: IngredientsQuery,
  });
  // The same query as the selected flavor's card: urql answers both from one request.
  const [{ data: flavorData }] = useQuery({
    query: SelectedFlavorQuery,
    variables: { id: form.flavorId ?? '' },
    pause: form.flavorId === null,
  });

  return (
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
        flavor={form.flavorId === null ? null : (flavorData?.flavor ?? null)}
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
  );
}
