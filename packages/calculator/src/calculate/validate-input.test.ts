import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flavors } from '../catalog/flavors.ts';
import { ingredients } from '../catalog/ingredients.ts';
import { calculate } from './calculate.ts';
import { FIELD_ERROR_CODES, SAFETY_RATINGS } from './types.ts';
import type { CalculateInput, CalculateOutcome, FieldError } from './types.ts';

/** Garbage arrives typed as `unknown` at run time; the cast is what an untyped caller does. */
function calculateUnknown(input: unknown): CalculateOutcome {
  return calculate(input as CalculateInput);
}

function errorsOf(input: unknown): FieldError[] {
  const outcome = calculateUnknown(input);
  return outcome.ok ? [] : outcome.errors;
}

function codesOf(input: unknown): [string, string][] {
  return errorsOf(input).map((error) => [error.field, error.code]);
}

const valid = { flavorId: 'red-bull-original', servingMl: 250 };

describe('calculate: required fields', () => {
  it.each([[{}], [null], [undefined], [42], ['red-bull-original'], [[]], [true]])(
    'reports flavorId and servingMl as REQUIRED for %j',
    (input) => {
      expect(codesOf(input)).toEqual([
        ['flavorId', 'REQUIRED'],
        ['servingMl', 'REQUIRED'],
      ]);
    },
  );

  it('ignores inherited properties', () => {
    expect(codesOf(Object.create(valid))).toEqual([
      ['flavorId', 'REQUIRED'],
      ['servingMl', 'REQUIRED'],
    ]);
  });
});

describe('calculate: flavorId', () => {
  it.each([[42], [''], [null], [{ id: 'red-bull-original' }]])('%j is REQUIRED', (flavorId) => {
    expect(codesOf({ ...valid, flavorId })).toEqual([['flavorId', 'REQUIRED']]);
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['toString'], ['RED-BULL-ORIGINAL']])(
    '%j is UNKNOWN_ID',
    (flavorId) => {
      expect(codesOf({ ...valid, flavorId })).toEqual([['flavorId', 'UNKNOWN_ID']]);
    },
  );

  it('does not echo a huge id back', () => {
    const [error] = errorsOf({ ...valid, flavorId: 'x'.repeat(1_000_000) });
    expect(error?.code).toBe('UNKNOWN_ID');
    expect(error?.message.length).toBeLessThan(100);
  });
});

describe('calculate: servingMl and bodyWeightKg', () => {
  it.each([
    [Number.NaN, 'NOT_A_NUMBER'],
    [Number.POSITIVE_INFINITY, 'NOT_A_NUMBER'],
    [Number.NEGATIVE_INFINITY, 'NOT_A_NUMBER'],
    ['250', 'NOT_A_NUMBER'],
    [10n, 'NOT_A_NUMBER'],
    [null, 'REQUIRED'],
    [0, 'OUT_OF_RANGE'],
    [-5, 'OUT_OF_RANGE'],
    [0.5, 'OUT_OF_RANGE'],
    [2000.5, 'OUT_OF_RANGE'],
    [1e308, 'OUT_OF_RANGE'],
  ])('servingMl %s is %s', (servingMl, code) => {
    expect(codesOf({ ...valid, servingMl })).toEqual([['servingMl', code]]);
  });

  it('accepts the serving bounds 1 ml and 2000 ml', () => {
    expect(calculate({ ...valid, servingMl: 1 }).ok).toBe(true);
    expect(calculate({ ...valid, servingMl: 2000 }).ok).toBe(true);
  });

  it('explains the range in the message', () => {
    expect(errorsOf({ ...valid, servingMl: 5000 })[0]?.message).toBe(
      'servingMl must be between 1 ml and 2,000 ml.',
    );
  });

  it.each([
    [Number.NaN, 'NOT_A_NUMBER'],
    ['70', 'NOT_A_NUMBER'],
    [19.9, 'OUT_OF_RANGE'],
    [300.1, 'OUT_OF_RANGE'],
    [-70, 'OUT_OF_RANGE'],
  ])('bodyWeightKg %s is %s', (bodyWeightKg, code) => {
    expect(codesOf({ ...valid, bodyWeightKg })).toEqual([['bodyWeightKg', code]]);
  });

  it('treats a null or absent body weight as unknown, and accepts 20 and 300 kg', () => {
    for (const bodyWeightKg of [null, undefined, 20, 300]) {
      expect(calculate({ ...valid, bodyWeightKg }).ok).toBe(true);
    }
  });
});

describe('calculate: addIns', () => {
  it('treats null as no add-ins and rejects non-lists', () => {
    expect(calculateUnknown({ ...valid, addIns: null }).ok).toBe(true);
    for (const addIns of ['caffeine', 42, { 0: { ingredientId: 'taurine', amount: 1 } }]) {
      expect(codesOf({ ...valid, addIns })).toEqual([['addIns', 'REQUIRED']]);
    }
  });

  it('reports items that are not objects', () => {
    expect(codesOf({ ...valid, addIns: [null, 'taurine', []] })).toEqual([
      ['addIns[0]', 'REQUIRED'],
      ['addIns[1]', 'REQUIRED'],
      ['addIns[2]', 'REQUIRED'],
    ]);
  });

  it('reports missing, unknown and duplicate ingredient ids', () => {
    expect(
      codesOf({
        ...valid,
        addIns: [
          {},
          { ingredientId: 'unobtainium', amount: 5 },
          { ingredientId: 'taurine', amount: 100 },
          { ingredientId: 'taurine', amount: 200 },
          { ingredientId: '__proto__', amount: 1 },
        ],
      }),
    ).toEqual([
      ['addIns[0].ingredientId', 'REQUIRED'],
      ['addIns[0].amount', 'REQUIRED'],
      ['addIns[1].ingredientId', 'UNKNOWN_ID'],
      ['addIns[3].ingredientId', 'DUPLICATE'],
      ['addIns[4].ingredientId', 'UNKNOWN_ID'],
    ]);
  });

  it.each([
    [0, 'OUT_OF_RANGE'],
    [-1, 'OUT_OF_RANGE'],
    [1001, 'OUT_OF_RANGE'],
    [Number.NaN, 'NOT_A_NUMBER'],
    ['200', 'NOT_A_NUMBER'],
    [null, 'REQUIRED'],
  ])('amount %s of caffeine is %s', (amount, code) => {
    expect(codesOf({ ...valid, addIns: [{ ingredientId: 'caffeine-anhydrous', amount }] })).toEqual(
      [['addIns[0].amount', code]],
    );
  });

  it('limits each amount by the ingredient and says so in its unit', () => {
    expect(errorsOf({ ...valid, addIns: [{ ingredientId: 'sucrose', amount: 201 }] })).toEqual([
      {
        field: 'addIns[0].amount',
        code: 'OUT_OF_RANGE',
        message: 'addIns[0].amount must be at most 200 g of Sucrose (cane sugar).',
      },
    ]);
    expect(
      calculate({ ...valid, addIns: [{ ingredientId: 'caffeine-anhydrous', amount: 1000 }] }).ok,
    ).toBe(true);
  });

  it('accepts 20 add-ins and rejects 21 as TOO_MANY', () => {
    const twenty = ingredients
      .slice(0, 20)
      .map((i) => ({ ingredientId: i.id, amount: i.maxAmount / 100 }));
    expect(calculate({ ...valid, addIns: twenty }).ok).toBe(true);
    const extra = ingredients[20]!;
    expect(
      codesOf({ ...valid, addIns: [...twenty, { ingredientId: extra.id, amount: 1 }] }),
    ).toEqual([['addIns', 'TOO_MANY']]);
  });

  it('inspects only the first 20 items of a huge list', () => {
    // Count the items the validator reads: a hostile list of ten million costs 20 reads, not ten
    // million (the cost is in what is touched, so no clock is needed to prove it).
    const read = new Set<number>();
    const huge = new Proxy(new Array<unknown>(10_000_000), {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) read.add(Number(property));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const errors = errorsOf({ ...valid, addIns: huge });
    expect(errors[0]).toMatchObject({ field: 'addIns', code: 'TOO_MANY' });
    expect(errors).toHaveLength(21);
    expect(Math.max(...read)).toBeLessThan(20);
    expect(read.size).toBeLessThanOrEqual(20);
  });
});

describe('calculate: every error at once', () => {
  it('collects all field errors in field order', () => {
    expect(
      codesOf({
        flavorId: 'nope',
        servingMl: Number.NaN,
        addIns: [{ ingredientId: 'x', amount: -1 }],
        bodyWeightKg: 5,
      }),
    ).toEqual([
      ['flavorId', 'UNKNOWN_ID'],
      ['servingMl', 'NOT_A_NUMBER'],
      ['addIns[0].ingredientId', 'UNKNOWN_ID'],
      ['addIns[0].amount', 'OUT_OF_RANGE'],
      ['bodyWeightKg', 'OUT_OF_RANGE'],
    ]);
  });
});

describe('calculate: hostile input', () => {
  it('ignores an own __proto__ key from JSON and pollutes nothing', () => {
    const input: unknown = JSON.parse(
      '{"__proto__": {"flavorId": "red-bull-original", "servingMl": 250}, "servingMl": 250}',
    );
    expect(codesOf(input)).toEqual([['flavorId', 'REQUIRED']]);
    expect(({} as Record<string, unknown>).flavorId).toBeUndefined();
  });

  it('survives throwing getters and revoked proxies', () => {
    const throwing = {
      get flavorId(): string {
        throw new Error('boom');
      },
      get servingMl(): number {
        throw new Error('boom');
      },
    };
    expect(codesOf(throwing)).toEqual([
      ['flavorId', 'REQUIRED'],
      ['servingMl', 'NOT_A_NUMBER'],
    ]);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => calculateUnknown(proxy)).not.toThrow();
    expect(() => calculateUnknown({ ...valid, addIns: proxy })).not.toThrow();
    expect(() => calculateUnknown({ ...valid, addIns: [proxy] })).not.toThrow();
    expect(codesOf({ ...valid, addIns: [proxy] })).toEqual([
      ['addIns[0].ingredientId', 'REQUIRED'],
      ['addIns[0].amount', 'NOT_A_NUMBER'],
    ]);
  });

  it('accepts null options', () => {
    expect(calculate(valid, null as unknown as undefined).ok).toBe(true);
  });
});

describe('calculate: properties', () => {
  const flavorIds = flavors.map((f) => f.id);
  const ingredientIds = ingredients.map((i) => i.id);
  const numberish = fc.oneof(
    fc.double(),
    fc.integer({ min: -10, max: 3000 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, null, undefined, '250'),
  );
  const inputs = fc.oneof(
    fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
    fc.record(
      {
        flavorId: fc.oneof(fc.constantFrom(...flavorIds), fc.string(), fc.anything()),
        servingMl: numberish,
        addIns: fc.oneof(
          fc.array(
            fc.record(
              {
                ingredientId: fc.oneof(fc.constantFrom(...ingredientIds), fc.string()),
                amount: numberish,
              },
              { requiredKeys: [] },
            ),
            { maxLength: 25 },
          ),
          fc.anything(),
        ),
        bodyWeightKg: numberish,
      },
      { requiredKeys: [] },
    ),
  );

  it('never throws and returns either a coherent result or coded errors', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const outcome = calculateUnknown(input);
        if (!outcome.ok) {
          expect(outcome.errors.length).toBeGreaterThan(0);
          for (const error of outcome.errors) {
            expect(FIELD_ERROR_CODES).toContain(error.code);
            expect(typeof error.field).toBe('string');
            expect(typeof error.message).toBe('string');
          }
          return;
        }
        const { result } = outcome;
        for (const n of [result.caffeineMg, result.sugarG, result.kcal, result.costUsd]) {
          expect(Number.isFinite(n) && n >= 0).toBe(true);
        }
        expect(SAFETY_RATINGS).toContain(result.rating);
        if (result.exceedsSingleDose) expect(result.rating).toBe('over-limit');
      }),
      { numRuns: 500 },
    );
  });
});
