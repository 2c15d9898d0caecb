import { describe, expect, it } from 'vitest';
import type { DrinkForm } from './drink-form.ts';
import {
  drinkFormReducer,
  humanizeMessage,
  initialDrinkForm,
  mapServerErrors,
  toDrinkRequest,
} from './drink-form.ts';

const withRows = (rows: [string, string][]): DrinkForm =>
  rows.reduce<DrinkForm>(
    (form, [ingredientId, amount]) => {
      const added = drinkFormReducer(form, { type: 'addAddIn', ingredientId });
      return drinkFormReducer(added, { type: 'updateAddIn', key: form.nextKey, amount });
    },
    { ...initialDrinkForm, flavorId: 'red-bull-original' },
  );

describe('toDrinkRequest', () => {
  it('sends numbers, leaves out rows still being filled in, and remembers which row is which', () => {
    const form = withRows([
      ['caffeine-anhydrous', ''],
      ['sucrose', '10'],
    ]);
    const { request, clientErrors } = toDrinkRequest({ ...form, bodyWeightKg: ' 70 ' });
    expect(clientErrors).toEqual({});
    expect(request?.input).toEqual({
      flavorId: 'red-bull-original',
      servingMl: 250,
      addIns: [{ ingredientId: 'sucrose', amount: 10 }],
      bodyWeightKg: 70,
    });
    expect(request?.addInRowKeys).toEqual([2]);
  });

  it('does not send a drink without a flavor or a serving size', () => {
    expect(toDrinkRequest(initialDrinkForm).request).toBeNull();
    const noServing = toDrinkRequest({ ...withRows([]), servingMl: '' });
    expect(noServing.request).toBeNull();
    expect(noServing.clientErrors).toEqual({ servingMl: 'Enter the serving size in ml.' });
  });

  it('gives the same key to the same drink however it was typed', () => {
    const a = toDrinkRequest({ ...withRows([]), servingMl: '355' }).request;
    const b = toDrinkRequest({ ...withRows([]), servingMl: '355.0' }).request;
    expect(a?.key).toBe(b?.key);
  });
});

describe('mapServerErrors', () => {
  it('puts add-in errors on the row that was sent at that index', () => {
    const errors = mapServerErrors(
      [
        { field: 'addIns[0].amount', message: 'addIns[0].amount must be greater than 0.' },
        { field: 'addIns[1].ingredientId', message: 'No ingredient with id "x".' },
        { field: 'servingMl', message: 'servingMl is required.' },
        { field: 'somethingElse', message: 'Odd.' },
      ],
      [4, 7],
    );
    expect(errors).toEqual({
      'addIns.4.amount': 'The amount must be greater than 0.',
      'addIns.7.ingredientId': 'No ingredient with id "x".',
      servingMl: 'The serving size is required.',
      form: 'Odd.',
    });
  });
});

describe('humanizeMessage', () => {
  it('replaces API field paths with words', () => {
    expect(humanizeMessage('bodyWeightKg must be between 20 kg and 300 kg.')).toBe(
      'Body weight must be between 20 kg and 300 kg.',
    );
    expect(humanizeMessage('Sucrose is already added at addIns[0]; give one amount.')).toBe(
      'Sucrose is already added in another row; give one amount.',
    );
  });
});
