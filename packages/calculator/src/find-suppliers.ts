import { suppliers } from './catalog/suppliers.ts';
import type { Supplier, SupplierRegion } from './catalog/model.ts';

/** Criteria for {@link findSuppliers}; `null` behaves like absent, as GraphQL arguments arrive. */
export interface SupplierFilter {
  region?: SupplierRegion | null;
  /** `true` for trading suppliers only, `false` for former ones only; absent for both. */
  active?: boolean | null;
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const suppliersByName = [...suppliers].sort(
  (a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
);

/** Suppliers matching every given criterion, sorted by name. Pure: returns a new array. */
export function findSuppliers(filter?: SupplierFilter | null): Supplier[] {
  const { region, active } = filter ?? {};
  return suppliersByName.filter(
    (supplier) =>
      (region == null || supplier.region === region) &&
      (active == null || supplier.active === active),
  );
}
