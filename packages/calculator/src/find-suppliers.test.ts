import { describe, expect, it } from 'vitest';
import { SUPPLIER_REGIONS } from './catalog/model.ts';
import { suppliers } from './catalog/suppliers.ts';
import { findSuppliers } from './find-suppliers.ts';

describe('findSuppliers', () => {
  it('returns every supplier sorted by name when no filter is given', () => {
    const found = findSuppliers();
    expect(found).toHaveLength(suppliers.length);
    const names = found.map((s) => s.name);
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
    );
    expect(findSuppliers({ region: null, active: null })).toEqual(found);
  });

  it.each(SUPPLIER_REGIONS)('filters by region %s', (region) => {
    const found = findSuppliers({ region });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.region === region)).toBe(true);
  });

  it('filters by active flag in both directions', () => {
    const former = findSuppliers({ active: false });
    expect(former.map((s) => s.id)).toEqual(expect.arrayContaining(['rockstar-inc', 'runa']));
    expect(former.every((s) => !s.active)).toBe(true);
    expect(findSuppliers({ active: true }).length + former.length).toBe(suppliers.length);
    expect(findSuppliers({ region: 'latin-america', active: false }).map((s) => s.id)).toEqual([
      'runa',
    ]);
  });
});
