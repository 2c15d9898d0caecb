/** One add-in row as typed: strings, because a half-typed number is still a valid form state. */
export interface AddInRow {
  /** Stable React key and error address; survives reordering and removal of other rows. */
  key: number;
  ingredientId: string;
  amount: string;
}

/** Everything the visitor entered, exactly as typed. */
export interface DrinkForm {
  flavorId: string | null;
  servingMl: string;
  addIns: AddInRow[];
  bodyWeightKg: string;
  nextKey: number;
}

export type DrinkFormAction =
  | { type: 'selectFlavor'; flavorId: string; defaultServingMl: number }
  | { type: 'setServing'; servingMl: string }
  | { type: 'addAddIn'; ingredientId: string }
  | { type: 'updateAddIn'; key: number; ingredientId?: string; amount?: string }
  | { type: 'removeAddIn'; key: number }
  | { type: 'setBodyWeight'; bodyWeightKg: string }
  | { type: 'reset' };

/**
 * Serving presets in ml before a flavor is picked: a small can, a US 12 oz can, a large can. Once a
 * flavor is picked its own containers (`Flavor.containersMl`) are the presets.
 */
export const SERVING_PRESETS_ML = [250, 355, 500] as const;

export const initialDrinkForm: DrinkForm = {
  flavorId: null,
  servingMl: String(SERVING_PRESETS_ML[0]),
  addIns: [],
  bodyWeightKg: '',
  nextKey: 1,
};

export function drinkFormReducer(form: DrinkForm, action: DrinkFormAction): DrinkForm {
  switch (action.type) {
    case 'selectFlavor':
      // A new drink starts from its own container (a 57 ml shot, a 473 ml can), not from 250 ml.
      return action.flavorId === form.flavorId
        ? form
        : { ...form, flavorId: action.flavorId, servingMl: String(action.defaultServingMl) };
    case 'setServing':
      return { ...form, servingMl: action.servingMl };
    case 'setBodyWeight':
      return { ...form, bodyWeightKg: action.bodyWeightKg };
    case 'addAddIn':
      return {
        ...form,
        addIns: [
          ...form.addIns,
          { key: form.nextKey, ingredientId: action.ingredientId, amount: '' },
        ],
        nextKey: form.nextKey + 1,
      };
    case 'updateAddIn':
      return {
        ...form,
        addIns: form.addIns.map((row) =>
          row.key === action.key
            ? {
                ...row,
                ingredientId: action.ingredientId ?? row.ingredientId,
                amount: action.amount ?? row.amount,
              }
            : row,
        ),
      };
    case 'removeAddIn':
      return { ...form, addIns: form.addIns.filter((row) => row.key !== action.key) };
    case 'reset':
      return initialDrinkForm;
  }
}

/** The `calculate` input, as the server's `CalculateInput`. */
export interface DrinkInput {
  flavorId: string;
  servingMl: number;
  addIns: { ingredientId: string; amount: number }[];
  bodyWeightKg: number | null;
}

/** A drink ready to send, with what is needed to map the server's answer back onto the form. */
export interface DrinkRequest {
  input: DrinkInput;
  /** Identifies the drink: equal keys mean the same calculation. */
  key: string;
  /** `addInRowKeys[i]` is the row that became `input.addIns[i]` (blank rows are not sent). */
  addInRowKeys: number[];
}

/**
 * Messages by form field: `flavorId`, `servingMl`, `bodyWeightKg`, `addIns`,
 * `addIns.<rowKey>.ingredientId`, `addIns.<rowKey>.amount`, `addIns.<rowKey>`; anything the form
 * cannot place goes under `form`.
 */
export type FieldErrors = Partial<Record<string, string>>;

export const addInField = (rowKey: number, part?: 'ingredientId' | 'amount'): string =>
  part === undefined ? `addIns.${rowKey}` : `addIns.${rowKey}.${part}`;

const parseNumber = (text: string): number | null => {
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : null;
};

/**
 * Turns the form into a `calculate` input. Only what cannot be sent at all is checked here (blank
 * or non-numeric required fields); ranges and ids are the server's to judge, so both places agree.
 * Rows without an ingredient or an amount are still being filled in and are left out.
 */
export function toDrinkRequest(form: DrinkForm): {
  request: DrinkRequest | null;
  clientErrors: FieldErrors;
} {
  const clientErrors: FieldErrors = {};
  const servingMl = form.servingMl.trim() === '' ? null : parseNumber(form.servingMl);
  if (servingMl === null) clientErrors['servingMl'] = 'Enter the serving size in ml.';

  let bodyWeightKg: number | null = null;
  if (form.bodyWeightKg.trim() !== '') {
    bodyWeightKg = parseNumber(form.bodyWeightKg);
    if (bodyWeightKg === null) clientErrors['bodyWeightKg'] = 'Enter your weight as a number.';
  }

  const addIns: DrinkInput['addIns'] = [];
  const addInRowKeys: number[] = [];
  for (const row of form.addIns) {
    if (row.ingredientId === '' || row.amount.trim() === '') continue;
    const amount = parseNumber(row.amount);
    if (amount === null) {
      clientErrors[addInField(row.key, 'amount')] = 'Enter the amount as a number.';
      continue;
    }
    addIns.push({ ingredientId: row.ingredientId, amount });
    addInRowKeys.push(row.key);
  }

  if (form.flavorId === null || servingMl === null || Object.keys(clientErrors).length > 0) {
    return { request: null, clientErrors };
  }
  const input: DrinkInput = { flavorId: form.flavorId, servingMl, addIns, bodyWeightKg };
  return { request: { input, key: JSON.stringify(input), addInRowKeys }, clientErrors };
}

const TOP_LEVEL_FIELDS = new Set(['flavorId', 'servingMl', 'bodyWeightKg', 'addIns']);
const ADD_IN_PATH = /^addIns\[(\d+)\](?:\.(ingredientId|amount))?$/;

/** Words for the API's field paths, which the server's messages start with. */
const FIELD_WORDS: [RegExp, string][] = [
  [/\baddIns\[\d+\]\.amount\b/g, 'The amount'],
  [/\baddIns\[\d+\]\.ingredientId\b/g, 'The ingredient'],
  [/\bat addIns\[\d+\]/g, 'in another row'],
  [/\baddIns\[\d+\]/g, 'This add-in'],
  [/\bservingMl\b/g, 'The serving size'],
  [/\bbodyWeightKg\b/g, 'Body weight'],
  [/\bflavorId\b/g, 'The flavor'],
];

/** `servingMl must be between…` → `The serving size must be between…`, shown beside the field. */
export const humanizeMessage = (message: string): string =>
  FIELD_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), message);

/** Places the server's field errors (`addIns[1].amount`) beside the inputs that caused them. */
export function mapServerErrors(
  errors: readonly { field: string; message: string }[],
  addInRowKeys: readonly number[],
): FieldErrors {
  const mapped: FieldErrors = {};
  const add = (field: string, message: string) => {
    const existing = mapped[field];
    const text = humanizeMessage(message);
    mapped[field] = existing === undefined ? text : `${existing} ${text}`;
  };
  for (const error of errors) {
    const addIn = ADD_IN_PATH.exec(error.field);
    const rowKey = addIn ? addInRowKeys[Number(addIn[1])] : undefined;
    if (addIn && rowKey !== undefined) {
      const part = addIn[2] as 'ingredientId' | 'amount' | undefined;
      add(addInField(rowKey, part), error.message);
    } else if (TOP_LEVEL_FIELDS.has(error.field)) {
      add(error.field, error.message);
    } else {
      add('form', error.message);
    }
  }
  return mapped;
}

/** True when `value` has the shape of a {@link DrinkForm} (for one read back from storage). */
export function isDrinkForm(value: unknown): value is DrinkForm {
  if (typeof value !== 'object' || value === null) return false;
  const form = value as Partial<DrinkForm>;
  return (
    (form.flavorId === null || typeof form.flavorId === 'string') &&
    typeof form.servingMl === 'string' &&
    typeof form.bodyWeightKg === 'string' &&
    typeof form.nextKey === 'number' &&
    Array.isArray(form.addIns) &&
    form.addIns.every(
      (row: unknown) =>
        typeof row === 'object' &&
        row !== null &&
        typeof (row as AddInRow).key === 'number' &&
        typeof (row as AddInRow).ingredientId === 'string' &&
        typeof (row as AddInRow).amount === 'string',
    )
  );
}
