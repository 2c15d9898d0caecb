import { FieldError, errorProps } from '../../../components/field-error.tsx';
import type { AddInsEditor_IngredientFragmentFragment as Ingredient } from '../../../gql/graphql.ts';
import type { AddInRow, FieldErrors } from '../utils/drink-form.ts';
import { addInField } from '../utils/drink-form.ts';
import { INGREDIENT_KIND_LABELS } from '../utils/labels.ts';

interface AddInRowEditorProps {
  /** Prefix of the row's element ids, unique on the page. */
  rowId: string;
  index: number;
  row: AddInRow;
  /** The row's ingredient, once the ingredient list has loaded. */
  ingredient: Ingredient | undefined;
  ingredients: readonly Ingredient[];
  errors: FieldErrors;
  autoFocus: boolean;
  onChange: (key: number, change: { ingredientId?: string; amount?: string }) => void;
  onRemove: (key: number) => void;
}

/** The ingredients to choose from, grouped by kind. */
function IngredientOptions({ ingredients }: { ingredients: readonly Ingredient[] }) {
  const kinds = [...new Set(ingredients.map((ingredient) => ingredient.kind))];
  return kinds.map((kind) => (
    <optgroup key={kind} label={INGREDIENT_KIND_LABELS[kind]}>
      {ingredients
        .filter((candidate) => candidate.kind === kind)
        .map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
    </optgroup>
  ));
}

/** One add-in: its ingredient, its amount in the ingredient's unit, and a remove button. */
export function AddInRowEditor({
  rowId,
  index,
  row,
  ingredient,
  ingredients,
  errors,
  autoFocus,
  onChange,
  onRemove,
}: AddInRowEditorProps) {
  const ingredientError = errors[addInField(row.key, 'ingredientId')];
  const amountError = errors[addInField(row.key, 'amount')] ?? errors[addInField(row.key)];
  const label = `Add-in ${index + 1}`;
  return (
    <li className="add-in" data-testid={`add-in-row-${index}`}>
      <div className="field add-in__ingredient">
        <label htmlFor={`${rowId}-ingredient`}>{label}: ingredient</label>
        <select
          id={`${rowId}-ingredient`}
          value={row.ingredientId}
          autoFocus={autoFocus}
          onChange={(event) => {
            onChange(row.key, { ingredientId: event.target.value });
          }}
          {...errorProps(`${rowId}-ingredient-error`, ingredientError)}
        >
          <IngredientOptions ingredients={ingredients} />
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
}
