import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate, flavors, ingredients } from '@taurine/calculator';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const CALCULATE = /* GraphQL */ `
  query Calculate($input: CalculateInput!) {
    calculate(input: $input) {
      __typename
      ... on Calculation {
        caffeineMg
        caffeinePer100ml
        sugarG
        kcal
        costUsd
        rating
        exceedsSingleDose
        singleDoseLimitMg
      }
      ... on ValidationError {
        message
        errors {
          field
          code
          message
        }
      }
    }
  }
`;

interface CalculateData {
  calculate:
    | {
        __typename: 'Calculation';
        caffeineMg: number;
        caffeinePer100ml: number;
        rating: string;
        singleDoseLimitMg: number;
      }
    | { __typename: 'ValidationError'; message: string; errors: { field: string; code: string }[] };
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

describe('Query.calculate', () => {
  it('returns the same numbers as the calculator domain', async () => {
    const flavor = flavors.find((f) => f.active)!;
    const ingredient = ingredients.find((i) => i.caffeineMgPerUnit > 0)!;
    const input = {
      flavorId: flavor.id,
      servingMl: 500,
      addIns: [{ ingredientId: ingredient.id, amount: Math.min(1, ingredient.maxAmount) }],
      bodyWeightKg: 70,
    };
    const expected = calculate(input);
    if (!expected.ok) throw new Error('fixture input should be valid');
    const result = await app.graphql<CalculateData>(CALCULATE, { input });
    expect(result.data!.calculate).toMatchObject({
      __typename: 'Calculation',
      caffeineMg: expected.result.caffeineMg,
      caffeinePer100ml: expected.result.caffeinePer100ml,
      singleDoseLimitMg: 210,
    });
  });

  it('returns field errors as a typed result for invalid input', async () => {
    const result = await app.graphql<CalculateData>(CALCULATE, {
      input: {
        flavorId: 'no-such-flavor',
        servingMl: 0,
        addIns: [{ ingredientId: ingredients[0]!.id, amount: -5 }],
        bodyWeightKg: 5000,
      },
    });
    const outcome = result.data!.calculate;
    expect(outcome.__typename).toBe('ValidationError');
    if (outcome.__typename !== 'ValidationError') return;
    const fields = outcome.errors.map((error) => `${error.field}:${error.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'flavorId:UNKNOWN_ID',
        'servingMl:OUT_OF_RANGE',
        'addIns[0].amount:OUT_OF_RANGE',
        'bodyWeightKg:OUT_OF_RANGE',
      ]),
    );
  });

  it('rejects wrong variable types before running, with a clear message', async () => {
    const result = await app.graphql(CALCULATE, { input: { flavorId: 'x', servingMl: 'lots' } });
    expect(result.errors?.[0]?.message).toMatch(/servingMl.*Float/);
  });

  it("rates a shot at its own container against the stated limit, with the limit's source", async () => {
    const SHOT = /* GraphQL */ `
      query Shot($input: CalculateInput!) {
        flavor(id: "five-hour-energy-extra-strength") {
          containersMl
          defaultServingMl
          caffeinePerServingMg
        }
        calculate(input: $input) {
          ... on Calculation {
            servingMl
            caffeineMg
            rating
            caffeineLimit {
              capMg
              singleDoseMg
              basis
              bodyWeightKg
              explanation
              sources {
                publisher
                year
                url
              }
            }
          }
        }
      }
    `;
    const result = await app.graphql<{
      flavor: { containersMl: number[]; defaultServingMl: number; caffeinePerServingMg: number };
      calculate: Record<string, unknown>;
    }>(SHOT, { input: { flavorId: 'five-hour-energy-extra-strength', servingMl: 57 } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.flavor).toEqual({
      containersMl: [57],
      defaultServingMl: 57,
      caffeinePerServingMg: 230,
    });
    expect(result.data!.calculate).toEqual({
      servingMl: 57,
      caffeineMg: 230,
      rating: 'OVER_LIMIT',
      caffeineLimit: {
        capMg: 200,
        singleDoseMg: 200,
        basis: 'ADULT_DEFAULT',
        bodyWeightKg: null,
        explanation: expect.stringMatching(/^200 mg: EFSA's single dose for adults/) as string,
        sources: [
          { publisher: 'EFSA', year: 2015, url: 'https://doi.org/10.2903/j.efsa.2015.4102' },
        ],
      },
    });
  });
});
