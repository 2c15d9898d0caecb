import type { GuidanceSource } from '../guidance.ts';

/** One ingredient added to the drink, `amount` in the ingredient's own unit (g or mg). */
export interface AddInInput {
  ingredientId: string;
  amount: number;
}

/**
 * What the user asks for. Typed for callers, but `calculate` also accepts anything at run time
 * (GraphQL variables, form state, JSON) and reports what is wrong with it.
 */
export interface CalculateInput {
  flavorId: string;
  /** Volume drunk, in ml. */
  servingMl: number;
  /** Extra ingredients; `null` and `undefined` mean none. */
  addIns?: readonly AddInInput[] | null;
  /** Enables the per-kg single-dose limit; `null` and `undefined` mean unknown. */
  bodyWeightKg?: number | null;
}

/** Options a caller can set on `calculate`. */
export interface CalculateOptions {
  /**
   * Whether discontinued flavours may be calculated. When true they are calculated with a warning,
   * so links and history stay explainable; when false they fail with `INACTIVE`.
   * @default true
   */
  allowInactiveFlavors?: boolean;
}

/** Error codes, in the order a form should explain them. */
export const FIELD_ERROR_CODES = [
  'REQUIRED',
  'NOT_A_NUMBER',
  'OUT_OF_RANGE',
  'UNKNOWN_ID',
  'DUPLICATE',
  'TOO_MANY',
  'INACTIVE',
] as const;

/**
 * Why a field was rejected.
 * - `REQUIRED`: missing, or not the expected shape (a non-empty string, a list, an object).
 * - `NOT_A_NUMBER`: not a finite number (NaN, ±Infinity, a numeric string: no coercion here).
 * - `OUT_OF_RANGE`: a number outside `INPUT_LIMITS` or the ingredient's `maxAmount`.
 * - `UNKNOWN_ID`: no flavour or ingredient with that id.
 * - `DUPLICATE`: the same ingredient added twice; give one amount instead.
 * - `TOO_MANY`: more add-ins than `INPUT_LIMITS.maxAddIns`.
 * - `INACTIVE`: discontinued flavour while `allowInactiveFlavors` is false.
 */
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** A problem with one input field. */
export interface FieldError {
  /** Path of the field: `flavorId`, `servingMl`, `addIns`, `addIns[2].amount`, `bodyWeightKg`. */
  field: string;
  code: FieldErrorCode;
  /** Human-readable English explanation, safe to show (long ids are truncated). */
  message: string;
}

/** Safety ratings, from best to worst. */
export const SAFETY_RATINGS = ['safe', 'caution', 'over-limit'] as const;

/** Overall verdict on a calculation; the rule is documented on `calculate`. */
export type SafetyRating = (typeof SAFETY_RATINGS)[number];

/** What one source (the drink or one add-in) contributes, rounded like the totals. */
export interface BreakdownLine {
  /** Display name of the flavour or ingredient. */
  source: string;
  /** Id of the flavour or ingredient. */
  sourceId: string;
  kind: 'flavor' | 'ingredient';
  /** Quantity used: the serving for the flavour, the add-in amount for an ingredient. */
  amount: number;
  unit: 'ml' | 'g' | 'mg';
  caffeineMg: number;
  sugarG: number;
  kcal: number;
  costUsd: number;
}

/** How the single-dose limit was chosen. */
export const CAFFEINE_LIMIT_BASES = ['body-weight', 'adult-default'] as const;

/**
 * `body-weight`: 3 mg/kg × the body weight given; `adult-default`: 200 mg, EFSA's adult single dose,
 * because no body weight was given.
 */
export type CaffeineLimitBasis = (typeof CAFFEINE_LIMIT_BASES)[number];

/** The caffeine limit a serving is rated against, how it was derived, and its sources. */
export interface CaffeineLimit {
  /** 3 mg/kg × `bodyWeightKg` when given, else 200 mg; the same as `singleDoseLimitMg`. */
  singleDoseMg: number;
  basis: CaffeineLimitBasis;
  /** The body weight the limit was computed from, or null. */
  bodyWeightKg: number | null;
  /** The per-kg single dose, 3 mg/kg. */
  mgPerKg: number;
  /** Adults' daily limit, 400 mg. */
  dailyMg: number;
  /**
   * The cap this one serving is rated against: the lower of the single-dose and the daily limit
   * (the daily one only binds above 133 kg). `over-limit` iff the caffeine is above it.
   */
  capMg: number;
  /** One English sentence: the cap and how it was derived. */
  explanation: string;
  sources: readonly GuidanceSource[];
}

/**
 * Totals for one serving. Numbers are rounded for display (see `RESULT_DECIMALS`) but computed,
 * compared and rated from unrounded values, so breakdown lines may not add up to the last digit.
 */
export interface CalculationResult {
  flavorId: string;
  flavorName: string;
  servingMl: number;
  caffeineMg: number;
  /** Caffeine concentration of the whole serving, add-ins included (assumed not to add volume). */
  caffeinePer100ml: number;
  sugarG: number;
  kcal: number;
  costUsd: number;
  /** `caffeineMg / CAFFEINE_GUIDANCE.dailyLimitMg`; 1 means the whole day's allowance. */
  dailyLimitShare: number;
  /** 200 mg, or 3 mg/kg × body weight when the body weight is given. */
  singleDoseLimitMg: number;
  exceedsSingleDose: boolean;
  /** The limit in force, how it was derived and where it comes from. */
  caffeineLimit: CaffeineLimit;
  rating: SafetyRating;
  breakdown: BreakdownLine[];
  /** Explanations of the rating and label duties, in English, most severe first. */
  warnings: string[];
}

/** Either the result or every field error found; `calculate` never throws. */
export type CalculateOutcome =
  { ok: true; result: CalculationResult } | { ok: false; errors: FieldError[] };
