import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flavorById, flavors } from '../catalog/flavors.ts';
import { ingredientById } from '../catalog/ingredients.ts';
import { NUTRITION_BASIS_ML } from '../catalog/model.ts';
import { CAFFEINE_GUIDANCE, CAFFEINE_SOURCES, INPUT_LIMITS } from '../guidance.ts';
import { roundTo } from '../round.ts';
import { caffeineLimitFor } from './caffeine-limit.ts';
import { calculate } from './calculate.ts';
import type { CalculateInput, CalculationResult } from './types.ts';

function resultOf(input: CalculateInput): CalculationResult {
  const outcome = calculate(input);
  if (!outcome.ok) throw new Error(`expected a result, got ${JSON.stringify(outcome.errors)}`);
  return outcome.result;
}

const anhydrous = ingredientById('caffeine-anhydrous')!;
const anyFlavor = fc.constantFrom(...flavors);
const anyServing = fc.integer({ min: INPUT_LIMITS.servingMl.min, max: INPUT_LIMITS.servingMl.max });
const anyWeight = fc.option(
  fc.double({
    min: INPUT_LIMITS.bodyWeightKg.min,
    max: INPUT_LIMITS.bodyWeightKg.max,
    noNaN: true,
  }),
  { nil: null },
);
const anyCaffeineAddIn = fc.integer({ min: 0, max: 400 });

describe('caffeine limit (EFSA 2015)', () => {
  it('is 3 mg/kg × body weight when the weight is given, 200 mg when it is not', () => {
    fc.assert(
      fc.property(anyFlavor, anyServing, anyWeight, (flavor, servingMl, bodyWeightKg) => {
        const { singleDoseLimitMg, caffeineLimit } = resultOf({
          flavorId: flavor.id,
          servingMl,
          bodyWeightKg,
        });
        const expected = bodyWeightKg === null ? 200 : 3 * bodyWeightKg;
        expect(singleDoseLimitMg).toBe(roundTo(expected, 1));
        expect(caffeineLimit.singleDoseMg).toBe(singleDoseLimitMg);
        expect(caffeineLimit.basis).toBe(bodyWeightKg === null ? 'adult-default' : 'body-weight');
        expect(caffeineLimit.capMg).toBe(roundTo(Math.min(expected, 400), 1));
      }),
      { numRuns: 300 },
    );
  });

  it('states its sources and the cap in words', () => {
    const adult = caffeineLimitFor(null);
    expect([adult.capMg, adult.sources]).toEqual([200, CAFFEINE_SOURCES]);
    expect(adult.explanation).toMatch(/^200 mg: EFSA's single dose for adults/);
    expect(caffeineLimitFor(70).explanation).toBe("210 mg: EFSA's single dose of 3 mg/kg × 70 kg.");
    expect(caffeineLimitFor(150).explanation).toBe(
      "400 mg: EFSA's daily limit for adults, lower than the single dose of 3 mg/kg × 150 kg = 450 mg.",
    );
    expect(CAFFEINE_SOURCES[0]?.url).toBe('https://doi.org/10.2903/j.efsa.2015.4102');
  });

  it('flags over the limit if and only if the caffeine is above it', () => {
    fc.assert(
      fc.property(
        anyFlavor,
        anyServing,
        anyWeight,
        anyCaffeineAddIn,
        (flavor, servingMl, bodyWeightKg, addMg) => {
          const result = resultOf({
            flavorId: flavor.id,
            servingMl,
            bodyWeightKg,
            addIns: addMg === 0 ? [] : [{ ingredientId: anhydrous.id, amount: addMg }],
          });
          // The same arithmetic as the calculator, unrounded.
          const exact =
            flavor.caffeineMg * (servingMl / NUTRITION_BASIS_ML) +
            (addMg === 0 ? 0 : anhydrous.caffeineMgPerUnit * addMg);
          const single = bodyWeightKg === null ? 200 : 3 * bodyWeightKg;
          expect(result.exceedsSingleDose).toBe(exact > single);
          expect(result.rating === 'over-limit').toBe(exact > Math.min(single, 400));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a shot of exactly 200 mg is within the adult limit, 230 mg is over it', () => {
    const original = flavorById('five-hour-energy-original')!;
    const extra = flavorById('five-hour-energy-extra-strength')!;
    const within = resultOf({ flavorId: original.id, servingMl: original.defaultServingMl });
    expect([within.caffeineMg, within.exceedsSingleDose, within.rating]).toEqual([
      200,
      false,
      'caution',
    ]);
    const over = resultOf({ flavorId: extra.id, servingMl: extra.defaultServingMl });
    expect([over.caffeineMg, over.exceedsSingleDose, over.rating]).toEqual([
      230,
      true,
      'over-limit',
    ]);
    expect(CAFFEINE_GUIDANCE.singleDoseLimitMg).toBe(200);
  });
});

describe('servings and containers', () => {
  it("a serving's caffeine scales linearly with its volume from the per-250 ml value", () => {
    fc.assert(
      fc.property(
        anyFlavor,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (flavor, a, b) => {
          const caffeine = (servingMl: number) =>
            resultOf({ flavorId: flavor.id, servingMl }).breakdown[0]!.caffeineMg;
          // Each figure is rounded to 0.1 mg: that is the only allowed deviation.
          expect(Math.abs(caffeine(a) - (flavor.caffeineMg * a) / 250)).toBeLessThanOrEqual(
            0.05001,
          );
          expect(Math.abs(caffeine(a + b) - caffeine(a) - caffeine(b))).toBeLessThanOrEqual(
            0.15001,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the default serving is the flavour's own primary container", () => {
    fc.assert(
      fc.property(anyFlavor, (flavor) => {
        expect(flavor.defaultServingMl).toBe(flavor.containersMl[0]);
        const result = resultOf({ flavorId: flavor.id, servingMl: flavor.defaultServingMl });
        expect(result.servingMl).toBe(flavor.containersMl[0]);
        expect(result.caffeineMg).toBe(
          roundTo((flavor.caffeineMg * flavor.defaultServingMl) / NUTRITION_BASIS_ML, 1),
        );
      }),
      { numRuns: flavors.length },
    );
  });

  it('containers fit the kind of drink: shots are small bottles, cans and bottles are not', () => {
    for (const flavor of flavors) {
      const sizes = flavor.containersMl;
      expect(sizes.length, flavor.id).toBeGreaterThan(0);
      expect(new Set(sizes).size, flavor.id).toBe(sizes.length);
      expect(
        [...sizes.slice(1)].sort((x, y) => x - y),
        flavor.id,
      ).toEqual(sizes.slice(1));
      for (const ml of sizes) {
        if (flavor.category === 'shot') expect(ml, flavor.id).toBeLessThanOrEqual(100);
        else expect(ml, flavor.id).toBeGreaterThanOrEqual(150);
        expect(ml).toBeLessThanOrEqual(INPUT_LIMITS.servingMl.max);
      }
    }
  });
});
