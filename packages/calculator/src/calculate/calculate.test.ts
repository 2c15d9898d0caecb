import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flavors } from '../catalog/flavors.ts';
import { calculate } from './calculate.ts';
import type { CalculateInput, CalculationResult } from './types.ts';

function resultOf(input: CalculateInput): CalculationResult {
  const outcome = calculate(input);
  if (!outcome.ok) throw new Error(`expected a result, got ${JSON.stringify(outcome.errors)}`);
  return outcome.result;
}

describe('calculate: known drinks', () => {
  it('a 250 ml Red Bull has 80 mg caffeine and is safe', () => {
    const result = resultOf({ flavorId: 'red-bull-original', servingMl: 250 });
    expect(result).toMatchObject({
      flavorId: 'red-bull-original',
      flavorName: 'Red Bull Energy Drink',
      servingMl: 250,
      caffeineMg: 80,
      caffeinePer100ml: 32,
      sugarG: 27.5,
      kcal: 113,
      costUsd: 2.29,
      dailyLimitShare: 0.2,
      singleDoseLimitMg: 200,
      exceedsSingleDose: false,
      rating: 'safe',
    });
    expect(result.breakdown).toEqual([
      {
        source: 'Red Bull Energy Drink',
        sourceId: 'red-bull-original',
        kind: 'flavor',
        amount: 250,
        unit: 'ml',
        caffeineMg: 80,
        sugarG: 27.5,
        kcal: 113,
        costUsd: 2.29,
      },
    ]);
  });

  it('500 ml of Red Bull doubles to 160 mg at the same 32 mg/100 ml, which needs caution', () => {
    const result = resultOf({ flavorId: 'red-bull-original', servingMl: 500 });
    expect(result.caffeineMg).toBe(160);
    expect(result.caffeinePer100ml).toBe(32);
    expect(result.rating).toBe('caution');
    expect(result.warnings).toContain(
      '160 mg of caffeine is close to the 200 mg EFSA single-dose limit.',
    );
  });

  it('a whole 473 ml Monster can is its label figure: 160 mg, $2.99', () => {
    const result = resultOf({ flavorId: 'monster-energy-original', servingMl: 473 });
    expect(result.caffeineMg).toBe(160);
    expect(result.sugarG).toBe(54);
    expect(result.kcal).toBe(210);
    expect(result.costUsd).toBe(2.99);
  });

  it('Red Bull + 200 mg caffeine for a 60 kg person is over the 180 mg (3 mg/kg) limit', () => {
    const result = resultOf({
      flavorId: 'red-bull-original',
      servingMl: 250,
      addIns: [{ ingredientId: 'caffeine-anhydrous', amount: 200 }],
      bodyWeightKg: 60,
    });
    expect(result.caffeineMg).toBe(280);
    expect(result.singleDoseLimitMg).toBe(180);
    expect(result.exceedsSingleDose).toBe(true);
    expect(result.rating).toBe('over-limit');
    expect(result.dailyLimitShare).toBe(0.7);
    expect(result.costUsd).toBe(2.32);
    expect(result.breakdown.map((line) => [line.sourceId, line.kind, line.caffeineMg])).toEqual([
      ['red-bull-original', 'flavor', 80],
      ['caffeine-anhydrous', 'ingredient', 200],
    ]);
    expect(result.warnings[0]).toBe(
      '280 mg of caffeine is more than the 180 mg EFSA single-dose limit (3 mg/kg).',
    );
  });

  it('a shot counts per bottle, not per 250 ml', () => {
    const result = resultOf({ flavorId: 'five-hour-energy-original', servingMl: 57 });
    expect(result.caffeineMg).toBe(200);
    expect(result.costUsd).toBe(3.49);
    expect(result.caffeinePer100ml).toBe(350.9);
  });

  it('add-ins add their per-unit sugar and energy, syrup weighed with its water', () => {
    const result = resultOf({
      flavorId: 'pure-leaf-unsweetened-black-tea',
      servingMl: 250,
      addIns: [
        { ingredientId: 'sucrose', amount: 10 },
        { ingredientId: 'hfcs-55', amount: 20 },
        { ingredientId: 'guarana-extract', amount: 500 },
      ],
    });
    expect(result.sugarG).toBe(25.1);
    expect(result.kcal).toBe(96);
    expect(result.caffeineMg).toBe(137.4);
    expect(result.breakdown[3]).toMatchObject({ unit: 'mg', amount: 500, caffeineMg: 110 });
  });

  it('totals come from unrounded values, not from the rounded lines', () => {
    const result = resultOf({
      flavorId: 'pure-leaf-unsweetened-black-tea',
      servingMl: 250,
      addIns: [
        { ingredientId: 'taurine', amount: 100 },
        { ingredientId: 'sucralose', amount: 20 },
        { ingredientId: 'l-theanine', amount: 10 },
      ],
    });
    expect(result.breakdown.slice(1).map((line) => line.costUsd)).toEqual([0, 0, 0]);
    expect(result.costUsd).toBe(1.06);
  });
});

describe('calculate: rating rule', () => {
  it('exactly at the single-dose limit is within it', () => {
    const result = resultOf({ flavorId: 'red-bull-original', servingMl: 625 });
    expect(result.caffeineMg).toBe(200);
    expect(result.exceedsSingleDose).toBe(false);
    expect(result.rating).toBe('caution');
  });

  it('uses 3 mg/kg when the weight is known, above 200 mg for heavier people', () => {
    const light = resultOf({ flavorId: 'red-bull-original', servingMl: 250, bodyWeightKg: 20 });
    expect(light.singleDoseLimitMg).toBe(60);
    expect(light.rating).toBe('over-limit');
    const heavy = resultOf({
      flavorId: 'bang-black-cherry-vanilla',
      servingMl: 473,
      bodyWeightKg: 100,
    });
    expect(heavy.caffeineMg).toBe(300);
    expect(heavy.singleDoseLimitMg).toBe(300);
    expect(heavy.exceedsSingleDose).toBe(false);
    expect(heavy.rating).toBe('caution');
  });

  it('the 400 mg daily limit still applies when the per-kg limit is higher', () => {
    const result = resultOf({
      flavorId: 'bang-black-cherry-vanilla',
      servingMl: 473,
      addIns: [{ ingredientId: 'caffeine-anhydrous', amount: 150 }],
      bodyWeightKg: 150,
    });
    expect(result.caffeineMg).toBe(450);
    expect(result.exceedsSingleDose).toBe(false);
    expect(result.rating).toBe('over-limit');
    expect(result.dailyLimitShare).toBe(1.125);
    expect(result.warnings[0]).toBe(
      '450 mg of caffeine is more than the 400 mg EFSA daily limit for healthy adults.',
    );
  });

  it('sugar above the WHO 50 g turns a caffeine-free drink to caution', () => {
    const result = resultOf({ flavorId: 'gatorade-lemon-lime', servingMl: 1000 });
    expect(result.caffeineMg).toBe(0);
    expect(result.sugarG).toBe(57.5);
    expect(result.rating).toBe('caution');
    expect(result.warnings).toEqual(['57.5 g of sugar is more than the WHO daily limit of 50 g.']);
  });

  it('a weak unsweetened tea is safe and needs no warning', () => {
    const result = resultOf({ flavorId: 'pure-leaf-unsweetened-black-tea', servingMl: 547 });
    expect(result.caffeineMg).toBe(60);
    expect(result.rating).toBe('safe');
    expect(result.warnings).toEqual([]);
  });

  it('flags the EU high-caffeine label above 15 mg/100 ml', () => {
    const result = resultOf({ flavorId: 'red-bull-original', servingMl: 250 });
    expect(result.warnings).toEqual([
      'High caffeine content: not recommended for children or pregnant or breast-feeding women.',
    ]);
  });
});

describe('calculate: discontinued flavours', () => {
  it('are calculated with a warning by default', () => {
    const outcome = calculate({ flavorId: 'coca-cola-energy', servingMl: 355 });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.result.caffeineMg).toBe(114);
      expect(outcome.result.warnings).toContain(
        'Coca-Cola Energy is discontinued; figures are from its last known label.',
      );
    }
  });

  it('are rejected with INACTIVE when the caller disallows them', () => {
    const outcome = calculate(
      { flavorId: 'coca-cola-energy', servingMl: 355 },
      { allowInactiveFlavors: false },
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          field: 'flavorId',
          code: 'INACTIVE',
          message: 'Coca-Cola Energy is discontinued and cannot be calculated.',
        },
      ],
    });
  });
});

describe('calculate: scaling', () => {
  it('scales caffeine linearly with the serving', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...flavors),
        fc.integer({ min: 1, max: 2000 }),
        (flavor, servingMl) => {
          const outcome = calculate({ flavorId: flavor.id, servingMl });
          expect(outcome.ok).toBe(true);
          if (outcome.ok) {
            // Rounding to 0.1 mg is the only allowed deviation.
            const exact = (flavor.caffeineMg * servingMl) / 250;
            expect(Math.abs(outcome.result.caffeineMg - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
