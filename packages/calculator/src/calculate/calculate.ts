import { NUTRITION_BASIS_ML } from '../catalog/model.ts';
import {
  CAFFEINE_GUIDANCE,
  CAFFEINE_LABELLING,
  RATING_THRESHOLDS,
  SUGAR_GUIDANCE,
} from '../guidance.ts';
import { roundTo } from '../round.ts';
import { caffeineLimitFor } from './caffeine-limit.ts';
import type {
  BreakdownLine,
  CalculateInput,
  CalculateOptions,
  CalculateOutcome,
  CalculationResult,
  SafetyRating,
} from './types.ts';
import { validateCalculateInput } from './validate-input.ts';
import type { ValidCalculateInput } from './validate-input.ts';

/** Decimal places of reported numbers: 0.1 mg, 0.1 g, whole kcal, cents, 0.1 % of the day. */
export const RESULT_DECIMALS = Object.freeze({
  caffeineMg: 1,
  sugarG: 1,
  kcal: 0,
  costUsd: 2,
  dailyLimitShare: 3,
} as const);

interface Contribution {
  caffeineMg: number;
  sugarG: number;
  kcal: number;
  costUsd: number;
}

function roundLine(line: Contribution): Contribution {
  return {
    caffeineMg: roundTo(line.caffeineMg, RESULT_DECIMALS.caffeineMg),
    sugarG: roundTo(line.sugarG, RESULT_DECIMALS.sugarG),
    kcal: roundTo(line.kcal, RESULT_DECIMALS.kcal),
    costUsd: roundTo(line.costUsd, RESULT_DECIMALS.costUsd),
  };
}

function rate(
  caffeineMg: number,
  sugarG: number,
  singleDoseLimitMg: number,
  capMg: number,
): SafetyRating {
  if (caffeineMg > capMg) return 'over-limit';
  const cautionMg = singleDoseLimitMg * RATING_THRESHOLDS.cautionShareOfSingleDose;
  if (caffeineMg > cautionMg || sugarG > SUGAR_GUIDANCE.dailyLimitG) return 'caution';
  return 'safe';
}

function explain(
  input: ValidCalculateInput,
  totals: Contribution,
  singleDoseLimitMg: number,
  caffeinePer100ml: number,
): string[] {
  const warnings: string[] = [];
  const caffeine = roundTo(totals.caffeineMg, RESULT_DECIMALS.caffeineMg);
  const limit = roundTo(singleDoseLimitMg, RESULT_DECIMALS.caffeineMg);
  const basis =
    input.bodyWeightKg === null ? '' : ` (${CAFFEINE_GUIDANCE.singleDoseMgPerKg} mg/kg)`;
  if (totals.caffeineMg > CAFFEINE_GUIDANCE.dailyLimitMg) {
    warnings.push(
      `${caffeine} mg of caffeine is more than the ${CAFFEINE_GUIDANCE.dailyLimitMg} mg EFSA daily limit for healthy adults.`,
    );
  }
  if (totals.caffeineMg > singleDoseLimitMg) {
    warnings.push(
      `${caffeine} mg of caffeine is more than the ${limit} mg EFSA single-dose limit${basis}.`,
    );
  } else if (totals.caffeineMg > singleDoseLimitMg * RATING_THRESHOLDS.cautionShareOfSingleDose) {
    warnings.push(
      `${caffeine} mg of caffeine is close to the ${limit} mg EFSA single-dose limit${basis}.`,
    );
  }
  if (totals.sugarG > SUGAR_GUIDANCE.dailyLimitG) {
    warnings.push(
      `${roundTo(totals.sugarG, RESULT_DECIMALS.sugarG)} g of sugar is more than the WHO daily limit of ${SUGAR_GUIDANCE.dailyLimitG} g.`,
    );
  }
  if (caffeinePer100ml > CAFFEINE_LABELLING.highCaffeineMgPer100ml) {
    warnings.push(
      'High caffeine content: not recommended for children or pregnant or breast-feeding women.',
    );
  }
  if (!input.flavor.active) {
    warnings.push(`${input.flavor.name} is discontinued; figures are from its last known label.`);
  }
  return warnings;
}

function computeResult(input: ValidCalculateInput): CalculationResult {
  const { flavor, servingMl, bodyWeightKg } = input;
  const scale = servingMl / NUTRITION_BASIS_ML;
  const flavorLine: Contribution = {
    caffeineMg: flavor.caffeineMg * scale,
    sugarG: flavor.sugarG * scale,
    kcal: flavor.kcal * scale,
    costUsd: flavor.priceUsd * scale,
  };
  const addInLines = input.addIns.map(({ ingredient, amount }) => ({
    ingredient,
    amount,
    contribution: {
      caffeineMg: ingredient.caffeineMgPerUnit * amount,
      sugarG: ingredient.sugarGPerUnit * amount,
      kcal: ingredient.kcalPerUnit * amount,
      costUsd: ingredient.costUsdPerUnit * amount,
    },
  }));
  const totals = addInLines.reduce<Contribution>(
    (sum, { contribution }) => ({
      caffeineMg: sum.caffeineMg + contribution.caffeineMg,
      sugarG: sum.sugarG + contribution.sugarG,
      kcal: sum.kcal + contribution.kcal,
      costUsd: sum.costUsd + contribution.costUsd,
    }),
    flavorLine,
  );
  const limit = caffeineLimitFor(bodyWeightKg);
  const singleDoseLimitMg = limit.singleDoseMg;
  const caffeinePer100ml = (totals.caffeineMg / servingMl) * 100;
  const breakdown: BreakdownLine[] = [
    {
      source: flavor.name,
      sourceId: flavor.id,
      kind: 'flavor',
      amount: servingMl,
      unit: 'ml',
      ...roundLine(flavorLine),
    },
    ...addInLines.map(({ ingredient, amount, contribution }) => ({
      source: ingredient.name,
      sourceId: ingredient.id,
      kind: 'ingredient' as const,
      amount,
      unit: ingredient.unit,
      ...roundLine(contribution),
    })),
  ];
  return {
    flavorId: flavor.id,
    flavorName: flavor.name,
    servingMl,
    ...roundLine(totals),
    caffeinePer100ml: roundTo(caffeinePer100ml, RESULT_DECIMALS.caffeineMg),
    dailyLimitShare: roundTo(
      totals.caffeineMg / CAFFEINE_GUIDANCE.dailyLimitMg,
      RESULT_DECIMALS.dailyLimitShare,
    ),
    singleDoseLimitMg: roundTo(singleDoseLimitMg, RESULT_DECIMALS.caffeineMg),
    exceedsSingleDose: totals.caffeineMg > singleDoseLimitMg,
    caffeineLimit: {
      ...limit,
      singleDoseMg: roundTo(limit.singleDoseMg, RESULT_DECIMALS.caffeineMg),
      capMg: roundTo(limit.capMg, RESULT_DECIMALS.caffeineMg),
    },
    rating: rate(totals.caffeineMg, totals.sugarG, singleDoseLimitMg, limit.capMg),
    breakdown,
    warnings: explain(input, totals, singleDoseLimitMg, caffeinePer100ml),
  };
}

/**
 * Caffeine, sugar, energy and cost of one serving of a flavour plus optional add-ins, rated
 * against EFSA and WHO guidance.
 *
 * Flavour values scale linearly from their 250 ml basis to `servingMl`; each add-in adds its
 * per-unit values × `amount`. Add-ins are assumed not to change the volume.
 *
 * Rating rule (comparisons on unrounded values, limits in {@link CAFFEINE_GUIDANCE}, derived by
 * `caffeineLimitFor` and reported as `caffeineLimit` with their sources):
 * - `over-limit`: caffeine above the cap: the single-dose limit (200 mg, or 3 mg/kg ×
 *   `bodyWeightKg` when given), or the 400 mg daily limit when lower (only above 133 kg).
 * - `caution`: caffeine above 75 % of the single-dose limit, or sugar above the WHO 50 g per day.
 * - `safe`: otherwise. Exactly at a limit is still within it ("up to 200 mg" in EFSA's words).
 *
 * Discontinued flavours are calculated with a warning by default (shared links and history stay
 * explainable); pass `allowInactiveFlavors: false` to reject them with `INACTIVE`.
 *
 * Never throws: any value at run time (NaN, strings, null, hostile objects, huge arrays) yields
 * `{ ok: false, errors }` listing every field error.
 */
export function calculate(input: CalculateInput, options?: CalculateOptions): CalculateOutcome {
  const allowInactive = readAllowInactive(options);
  const validation = validateCalculateInput(input, allowInactive);
  if (!validation.ok) return validation;
  return { ok: true, result: computeResult(validation.value) };
}

function readAllowInactive(options: CalculateOptions | undefined): boolean {
  try {
    return options?.allowInactiveFlavors !== false;
  } catch {
    return true;
  }
}
