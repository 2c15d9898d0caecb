/**
 * Shapes of the calculator's catalogue. Every record is frozen at load: the same module instance is
 * shared by the server and the SPA, so a consumer mutating a flavour would silently change every
 * later calculation.
 */

/**
 * Volume every flavour's nutrition and price is normalised to, in ml: the classic small can, so
 * drinks compare directly whatever size they are sold in.
 */
export const NUTRITION_BASIS_ML = 250;

/** Flavour categories, in display order. Exported as data so GraphQL enums and UI filters reuse it. */
export const FLAVOR_CATEGORIES = [
  'classic',
  'sugar-free',
  'natural',
  'coffee',
  'tea',
  'sports',
  'shot',
] as const;

/** What kind of drink a flavour is. */
export type FlavorCategory = (typeof FLAVOR_CATEGORIES)[number];

/**
 * One drink the calculator knows. Nutrition and price are per {@link NUTRITION_BASIS_ML} (250 ml);
 * `calculate` scales them to the user's serving.
 */
export interface Flavor {
  /** Stable slug, used in URLs, cache keys and metrics tags. */
  readonly id: string;
  readonly name: string;
  readonly brand: string;
  readonly category: FlavorCategory;
  /** Caffeine per 250 ml, in mg. */
  readonly caffeineMg: number;
  /** Sugars per 250 ml, in g. */
  readonly sugarG: number;
  /** Energy per 250 ml, in kcal. */
  readonly kcal: number;
  /** Typical single-unit US retail price, scaled to 250 ml, in USD. */
  readonly priceUsd: number;
  /**
   * Container sizes the drink is sold in, in ml, the primary one (whose price `priceUsd` is
   * derived from) first, then the others from small to large. A shot is 57 ml, not 250 ml.
   */
  readonly containersMl: readonly number[];
  /** The serving a calculator starts from: the primary container, `containersMl[0]`. */
  readonly defaultServingMl: number;
  /** False when the product is discontinued; kept so past calculations stay explainable. */
  readonly active: boolean;
  /** Partner shop page, tagged `?ref=taurine` for conversion tracking. */
  readonly affiliateUrl: string;
  readonly supplierId: string;
  readonly description: string;
}

/** Ingredient kinds, in display order. */
export const INGREDIENT_KINDS = [
  'stimulant',
  'amino-acid',
  'vitamin',
  'sugar',
  'sweetener',
  'electrolyte',
  'botanical',
  'other',
] as const;

/**
 * Why an ingredient is added: `stimulant` when caffeine is the reason (guarana, yerba mate...),
 * `botanical` for plant extracts added for other constituents (ginseng, green tea catechins).
 */
export type IngredientKind = (typeof INGREDIENT_KINDS)[number];

/** Units an add-in amount can be given in. */
export const INGREDIENT_UNITS = ['g', 'mg'] as const;

/** Unit of an ingredient's amount. */
export type IngredientUnit = (typeof INGREDIENT_UNITS)[number];

/** Something a user can add to a drink. All `*PerUnit` values are per one `unit` of it. */
export interface Ingredient {
  readonly id: string;
  readonly name: string;
  readonly kind: IngredientKind;
  readonly unit: IngredientUnit;
  readonly caffeineMgPerUnit: number;
  readonly sugarGPerUnit: number;
  readonly kcalPerUnit: number;
  readonly costUsdPerUnit: number;
  /** Largest amount (in `unit`) that is still a plausible input; above it the input is rejected. */
  readonly maxAmount: number;
  readonly supplierId: string;
  readonly description: string;
}

/** Supplier regions, in display order. */
export const SUPPLIER_REGIONS = [
  'north-america',
  'europe',
  'asia-pacific',
  'latin-america',
  'middle-east-africa',
] as const;

/** Where a supplier is based. */
export type SupplierRegion = (typeof SUPPLIER_REGIONS)[number];

/** The company a drink or a raw material is sourced from (brand owner or ingredient producer). */
export interface Supplier {
  readonly id: string;
  readonly name: string;
  readonly region: SupplierRegion;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  /** False when the company no longer trades under this name or no longer supplies us. */
  readonly active: boolean;
  readonly website: string;
}
