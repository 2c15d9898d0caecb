import { useId } from 'react';
import { FieldError, errorProps } from '../../../components/field-error.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { IngredientKind } from '../../../gql/graphql.ts';
import type { AddInRow, FieldErrors } from '../utils/drink-form.ts';
import { addInField } from '../utils/drink-form.ts';
import { INGREDIENT_KIND_LABELS } from '../utils/labels.ts';

export const AddInsEditor_IngredientFragment = graphql(`
  fragment AddInsEditor_IngredientFragment on Ingredient {
    id
    name
    kind
    unit
    maxAmount
  }
`);

interface AddInsEditorProps {
  ingredients: readonly FragmentType<typeof AddInsEditor_IngredientFragment>[];
  rows: readonly AddInRow[];
  errors: FieldErrors;
  /** The row added last gets focus, so keyboard users land in it. */
  lastAddedKey: number | null;
  onAdd: (ingredientId: string) => void;
  onChange: (key: number, change: { ingredientId?: string; amount?: string }) => void;
  onRemove: (key: number) => void;
}

/** Add-ins: one row per ingredient with its amount in the ingredient's own unit. */
export function AddInsEditor({
  ingredients: ingredientRefs,
  rows,
  errors,
  lastAddedKey,
  onAdd,
  onChange,
  onRemove,
}: AddInsEditorProps) {
  const id = useId();
  const ingredients = useFragment(AddInsEditor_IngredientFragment, ingredientRefs);
  const byId = new Map(ingredients.map((ingredient) => [ingredient.id, ingredient]));
  const kinds = [...new Set(ingredients.map((ingredient) => ingredient.kind))];
  const first = ingredients[0];

  return (
    <fieldset
      className="add-ins"
      aria-describedby={errors['addIns'] === undefined ? undefined : `${id}-error`}
    >
      <legend>Add-ins</legend>
      {rows.length === 0 ? (
        <p className="hint">Nothing added. Add a shot of caffeine, sugar, taurine and more.</p>
      ) : (
        <ul className="add-ins__rows" data-testid="add-in-rows">
          {rows.map((row, index) => {
            const ingredient = byId.get(row.ingredientId);
            const rowId = `${id}-${row.key}`;
            const ingredientError = errors[addInField(row.key, 'ingredientId')];
            const amountError =
              errors[addInField(row.key, 'amount')] ?? errors[addInField(row.key)];
            const label = `Add-in ${index + 1}`;
            return (
              <li key={row.key} className="add-in" data-testid={`add-in-row-${index}`}>
                <div className="field add-in__ingredient">
                  <label htmlFor={`${rowId}-ingredient`}>{label}: ingredient</label>
                  <select
                    id={`${rowId}-ingredient`}
                    value={row.ingredientId}
                    autoFocus={row.key === lastAddedKey}
                    onChange={(event) => {
                      onChange(row.key, { ingredientId: event.target.value });
                    }}
                    {...errorProps(`${rowId}-ingredient-error`, ingredientError)}
                  >
                    {kinds.map((kind: IngredientKind) => (
                      <optgroup key={kind} label={INGREDIENT_KIND_LABELS[kind]}>
                        {ingredients
                          .filter((candidate) => candidate.kind === kind)
                          .map((candidate) => (
                            <option key={candidate.id} value={candidate.id}>
                              {candidate.name}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                  <FieldError id={`${rowId}-ingredient-error`} message={ingredientError} />
                </div>
                <div className="field add-in__amount">
                  <label htmlFor={`${rowId}-amount`}>
                    {label}: amount{ingredient ? ` (${ingredient.unit})` : ''}
                  </label>
                  <div className="input-with-unit">
                    <input
                      id={`${rowId}-amount`}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={ingredient?.maxAmount}
                      step="any"
                      value={row.amount}
                      placeholder="0"
                      onChange={(event) => {
                        onChange(row.key, { amount: event.target.value });
                      }}
                      {...errorProps(
                        `${rowId}-amount-error`,
                        amountError,
                        row.amount.trim() === '' ? `${rowId}-amount-hint` : undefined,
                      )}
                    />
                    <span className="input-with-unit__unit" aria-hidden="true">
                      {ingredient?.unit}
                    </span>
                  </div>
                  {row.amount.trim() === '' ? (
                    <p id={`${rowId}-amount-hint`} className="hint">
                      Not counted until it has an amount.
                    </p>
                  ) : null}
                  <FieldError id={`${rowId}-amount-error`} message={amountError} />
                </div>
                <button
                  type="button"
                  className="button button--ghost add-in__remove"
                  aria-label={`Remove add-in ${index + 1}${ingredient ? ` (${ingredient.name})` : ''}`}
                  onClick={() => {
                    onRemove(row.key);
                  }}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <FieldError id={`${id}-error`} message={errors['addIns']} />
      <button
        type="button"
        className="button button--secondary"
        disabled={first === undefined}
        onClick={() => {
          if (first) onAdd(first.id);
        }}
      >
        <span aria-hidden="true">+ </span>Add ingredient
      </button>
    </fieldset>
  );
}
