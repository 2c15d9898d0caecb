import { cacheKey, untrustedKeyPart } from '@taurine/cache';
import type { TieredCache } from '@taurine/cache';
import {
  calculate,
  findFlavors,
  findSuppliers,
  flavorById,
  ingredients,
  supplierById,
} from '@taurine/calculator';
import type { CacheKeyObserver } from '../operations/cache-key-watch.ts';
import type {
  CalculateInput,
  CalculateOutcome,
  Flavor,
  Ingredient,
  Supplier,
} from '@taurine/calculator';

export interface FlavorQuery {
  category?: Flavor['category'] | undefined;
  maxCaffeineMg?: number | undefined;
  search?: string | undefined;
  includeInactive?: boolean | undefined;
}

/**
 * The calculator's catalogue as the API serves it, read through the tiered cache so real traffic
 * produces real hit rates. Keys are versioned (`v1`: bump when a value's shape changes) and user
 * input only ever enters a key through `untrustedKeyPart`.
 */
export interface CatalogService {
  flavors(query: FlavorQuery): Promise<Flavor[]>;
  flavor(id: string): Promise<Flavor | null>;
  ingredients(kind?: Ingredient['kind']): Promise<Ingredient[]>;
  suppliers(query: { region?: Supplier['region']; active?: boolean }): Promise<Supplier[]>;
  supplier(id: string): Promise<Supplier | null>;
  calculate(input: CalculateInput): Promise<CalculateOutcome>;
  /** The loader of a key this service has read (bounded memory), for warming the cache. */
  loaderFor(key: string): (() => Promise<unknown>) | undefined;
}

/** How many keys' loaders are remembered for `warm('popular')`. */
const REMEMBERED_LOADERS = 2000;

/**
 * Cache keys of the catalogue, one place so warming and clearing name the same keys. The version
 * segment changes with the shape of what is cached (v2: flavours with containers, calculations
 * with their caffeine limit), so a shared Redis tier never serves an older shape.
 */
export const CATALOG_KEYS = {
  allFlavors: (includeInactive: boolean) =>
    cacheKey('data', 'flavors', 'v2', includeInactive ? 'all' : 'active'),
  flavorsByCategory: (category: string, includeInactive: boolean) =>
    cacheKey(
      'data',
      'flavors',
      'filtered',
      'category',
      untrustedKeyPart(category),
      includeInactive ? 'all' : 'active',
      'v2',
    ),
  flavorSearch: (query: FlavorQuery) =>
    cacheKey(
      'search',
      'flavors',
      'v2',
      untrustedKeyPart(
        JSON.stringify([
          query.search ?? '',
          query.maxCaffeineMg ?? null,
          query.category ?? null,
          query.includeInactive ?? false,
        ]),
      ),
    ),
  flavor: (id: string) => cacheKey('data', 'flavor', 'v2', untrustedKeyPart(id)),
  ingredients: (kind: string | undefined) =>
    cacheKey('data', 'ingredients', 'v1', untrustedKeyPart(kind ?? 'all')),
  suppliers: (region: string | undefined, active: boolean | undefined) =>
    cacheKey(
      'data',
      'suppliers',
      'v1',
      untrustedKeyPart(region ?? 'all'),
      active === undefined ? 'any' : String(active),
    ),
  supplier: (id: string) => cacheKey('data', 'supplier', 'v1', untrustedKeyPart(id)),
  calculation: (input: CalculateInput) =>
    cacheKey('api', 'calculate', 'v2', untrustedKeyPart(JSON.stringify(input))),
} as const;

/** Keys warmed at start-up and by `warmCache` when nothing was used yet. */
export const DEFAULT_WARM_KEYS = [
  CATALOG_KEYS.allFlavors(false),
  CATALOG_KEYS.ingredients(undefined),
  CATALOG_KEYS.suppliers(undefined, undefined),
];

/** Loads a catalogue key straight from the data set; the cache's loader and warmer. */
export function catalogLoaderFor(key: string): (() => Promise<unknown>) | undefined {
  if (key === CATALOG_KEYS.allFlavors(false)) return () => Promise.resolve(findFlavors({}));
  if (key === CATALOG_KEYS.allFlavors(true))
    return () => Promise.resolve(findFlavors({ includeInactive: true }));
  if (key === CATALOG_KEYS.ingredients(undefined)) return () => Promise.resolve([...ingredients]);
  if (key === CATALOG_KEYS.suppliers(undefined, undefined))
    return () => Promise.resolve(findSuppliers({}));
  return undefined;
}

/**
 * Reads through `cache` when given; without one (tests of the API alone) straight from the data.
 * A cache failure other than the loader's own never fails the read: the data set answers.
 * `observer` hears of every read and every load (the operations' key watch).
 */
export function createCatalogService(
  cache?: TieredCache,
  observer?: CacheKeyObserver,
): CatalogService {
  const loaders = new Map<string, () => unknown>();
  const through = async <T>(key: string, load: () => T): Promise<T> => {
    if (!cache) return load();
    if (!loaders.has(key)) {
      loaders.set(key, load);
      if (loaders.size > REMEMBERED_LOADERS) loaders.delete(loaders.keys().next().value!);
    }
    observer?.lookup(key);
    try {
      return await cache.getOrLoad(key, () => {
        observer?.load(key);
        return Promise.resolve(load());
      });
    } catch {
      return load();
    }
  };
  return {
    flavors: (query) => {
      const includeInactive = query.includeInactive ?? false;
      const plain = query.search === undefined && query.maxCaffeineMg === undefined;
      if (plain && query.category === undefined) {
        return through(CATALOG_KEYS.allFlavors(includeInactive), () =>
          findFlavors({ includeInactive }),
        );
      }
      if (plain && query.category !== undefined) {
        return through(CATALOG_KEYS.flavorsByCategory(query.category, includeInactive), () =>
          findFlavors(query),
        );
      }
      return through(CATALOG_KEYS.flavorSearch(query), () => findFlavors(query));
    },
    flavor: (id) => through(CATALOG_KEYS.flavor(id), () => flavorById(id) ?? null),
    ingredients: (kind) =>
      through(CATALOG_KEYS.ingredients(kind), () =>
        kind === undefined ? [...ingredients] : ingredients.filter((i) => i.kind === kind),
      ),
    suppliers: (query) =>
      through(CATALOG_KEYS.suppliers(query.region, query.active), () => findSuppliers(query)),
    supplier: (id) => through(CATALOG_KEYS.supplier(id), () => supplierById(id) ?? null),
    calculate: (input) => through(CATALOG_KEYS.calculation(input), () => calculate(input)),
    loaderFor: (key) => {
      const load = loaders.get(key) ?? catalogLoaderFor(key);
      return load ? () => Promise.resolve(load()) : undefined;
    },
  };
}
