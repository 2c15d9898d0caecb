import {
  calculate,
  findFlavors,
  findSuppliers,
  flavorById,
  ingredients,
  supplierById,
} from '@taurine/calculator';
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
 * The calculator's catalogue as the API serves it. Methods are async so a cache tier can sit in
 * front of the data without changing any caller.
 */
export interface CatalogService {
  flavors(query: FlavorQuery): Promise<Flavor[]>;
  flavor(id: string): Promise<Flavor | null>;
  ingredients(kind?: Ingredient['kind']): Promise<Ingredient[]>;
  suppliers(query: { region?: Supplier['region']; active?: boolean }): Promise<Supplier[]>;
  supplier(id: string): Promise<Supplier | null>;
  calculate(input: CalculateInput): Promise<CalculateOutcome>;
}

export function createCatalogService(): CatalogService {
  return {
    flavors: (query) => Promise.resolve(findFlavors(query)),
    flavor: (id) => Promise.resolve(flavorById(id) ?? null),
    ingredients: (kind) =>
      Promise.resolve(
        kind === undefined ? [...ingredients] : ingredients.filter((i) => i.kind === kind),
      ),
    suppliers: (query) => Promise.resolve(findSuppliers(query)),
    supplier: (id) => Promise.resolve(supplierById(id) ?? null),
    calculate: (input) => Promise.resolve(calculate(input)),
  };
}
