/**
 * `@taurine/calculator`: the energy drink catalogue and the pure caffeine calculator shared by the
 * server and the SPA. No I/O: data in, data out.
 */
export { calculate, RESULT_DECIMALS } from './calculate/calculate.ts';
export { caffeineLimitFor } from './calculate/caffeine-limit.ts';
export { CAFFEINE_LIMIT_BASES, FIELD_ERROR_CODES, SAFETY_RATINGS } from './calculate/types.ts';
export type {
  AddInInput,
  BreakdownLine,
  CaffeineLimit,
  CaffeineLimitBasis,
  CalculateInput,
  CalculateOptions,
  CalculateOutcome,
  CalculationResult,
  FieldError,
  FieldErrorCode,
  SafetyRating,
} from './calculate/types.ts';
export { flavorById, flavors } from './catalog/flavors.ts';
export { ingredientById, ingredients } from './catalog/ingredients.ts';
export {
  FLAVOR_CATEGORIES,
  INGREDIENT_KINDS,
  INGREDIENT_UNITS,
  NUTRITION_BASIS_ML,
  SUPPLIER_REGIONS,
} from './catalog/model.ts';
export type {
  Flavor,
  FlavorCategory,
  Ingredient,
  IngredientKind,
  IngredientUnit,
  Supplier,
  SupplierRegion,
} from './catalog/model.ts';
export { supplierById, suppliers } from './catalog/suppliers.ts';
export { findFlavors } from './find-flavors.ts';
export type { FlavorFilter } from './find-flavors.ts';
export { findSuppliers } from './find-suppliers.ts';
export type { SupplierFilter } from './find-suppliers.ts';
export {
  CAFFEINE_GUIDANCE,
  CAFFEINE_LABELLING,
  CAFFEINE_SOURCES,
  INPUT_LIMITS,
  RATING_THRESHOLDS,
  SUGAR_GUIDANCE,
} from './guidance.ts';
export type { GuidanceSource } from './guidance.ts';
export {
  DEFAULT_COMMISSION_RATES,
  affiliateCommission,
  commissionRateFor,
  costPerAcquisition,
} from './affiliate/affiliate-economics.ts';
export type { AffiliateCommission, CommissionRates } from './affiliate/affiliate-economics.ts';
