/**
 * Health guidance and input limits the calculator applies. Kept as data so the rules are visible,
 * testable and reusable by the UI (for example to draw the limit line on a gauge).
 */

/**
 * Caffeine intakes that raise no safety concern for healthy adults, from the EFSA NDA Panel
 * "Scientific opinion on the safety of caffeine" (EFSA Journal 2015;13(5):4102).
 */
export const CAFFEINE_GUIDANCE = Object.freeze({
  /** Habitual intake per day that raises no concern for non-pregnant adults. */
  dailyLimitMg: 400,
  /** Single dose that raises no concern, about 3 mg/kg for a 70 kg adult. */
  singleDoseLimitMg: 200,
  /** The same single-dose limit per kg body weight, used when the body weight is known. */
  singleDoseMgPerKg: 3,
} as const);

/** A published source a limit is taken from. */
export interface GuidanceSource {
  /** Who published it: `EFSA`, `WHO`, `EU`. */
  readonly publisher: string;
  readonly title: string;
  readonly year: number;
  /** Stable link (a DOI where there is one). */
  readonly url: string;
  /** What the calculator takes from it, in one sentence. */
  readonly finding: string;
}

/** Where the caffeine limits in {@link CAFFEINE_GUIDANCE} come from. */
export const CAFFEINE_SOURCES: readonly GuidanceSource[] = Object.freeze([
  Object.freeze({
    publisher: 'EFSA',
    title:
      'Scientific Opinion on the safety of caffeine (EFSA NDA Panel), EFSA Journal 2015;13(5):4102',
    year: 2015,
    url: 'https://doi.org/10.2903/j.efsa.2015.4102',
    finding:
      'Single doses up to 200 mg (about 3 mg/kg body weight) and up to 400 mg a day raise no safety concern for healthy non-pregnant adults; for children and adolescents 3 mg/kg body weight a day.',
  }),
]);

/**
 * WHO guideline "Sugars intake for adults and children" (2015): free sugars below 10 % of energy,
 * about 50 g for a 2000 kcal diet.
 */
export const SUGAR_GUIDANCE = Object.freeze({
  dailyLimitG: 50,
} as const);

/**
 * Regulation (EU) 1169/2011 Annex III 4.1: drinks with more than 150 mg/l caffeine must carry
 * "High caffeine content. Not recommended for children or pregnant or breast-feeding women".
 */
export const CAFFEINE_LABELLING = Object.freeze({
  highCaffeineMgPer100ml: 15,
} as const);

/** Where the rating turns from `safe` to `caution`; see `calculate` for the full rule. */
export const RATING_THRESHOLDS = Object.freeze({
  /** Caution above this share of the single-dose limit (150 mg of 200 mg). */
  cautionShareOfSingleDose: 0.75,
} as const);

/**
 * Bounds of plausible input. Outside them the input is a typo or an attack, not a drink: 2 l is a
 * large bottle, 20-300 kg covers children to the heaviest adults. Per-ingredient amount limits are
 * `Ingredient.maxAmount`.
 */
export const INPUT_LIMITS = Object.freeze({
  servingMl: Object.freeze({ min: 1, max: 2000 }),
  bodyWeightKg: Object.freeze({ min: 20, max: 300 }),
  maxAddIns: 20,
} as const);
