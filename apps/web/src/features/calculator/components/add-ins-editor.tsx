import { useId } from 'react';
import { FieldError } from '../../../components/field-error.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { AddInRow, FieldErrors } from '../utils/drink-form.ts';
import { AddInRowEditor } from './add-in-row-editor.tsx';

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
          {rows.map((row, index) => (
            <AddInRowEditor
              key={row.key}
              rowId={`${id}-${row.key}`}
              index={index}
              row={row}
              ingredient={byId.get(row.ingredientId)}
              ingredients={ingredients}
              errors={errors}
              autoFocus={row.key === lastAddedKey}
              onChange={onChange}
              onRemove={onRemove}
            />
          ))}
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
