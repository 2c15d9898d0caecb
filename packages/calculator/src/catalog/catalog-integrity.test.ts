import { describe, expect, it } from 'vitest';
import { flavorById, flavors } from './flavors.ts';
import { ingredientById, ingredients } from './ingredients.ts';
import {
  FLAVOR_CATEGORIES,
  INGREDIENT_KINDS,
  INGREDIENT_UNITS,
  SUPPLIER_REGIONS,
} from './model.ts';
import { supplierById, suppliers } from './suppliers.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function httpsUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

describe('catalogue size', () => {
  it('has at least 30 flavours, 25 ingredients and 8 suppliers', () => {
    expect(flavors.length).toBeGreaterThanOrEqual(30);
    expect(ingredients.length).toBeGreaterThanOrEqual(25);
    expect(suppliers.length).toBeGreaterThanOrEqual(8);
  });

  it('covers every category, kind and region, with some discontinued entries', () => {
    expect(new Set(flavors.map((f) => f.category))).toEqual(new Set(FLAVOR_CATEGORIES));
    expect(new Set(ingredients.map((i) => i.kind))).toEqual(new Set(INGREDIENT_KINDS));
    expect(new Set(suppliers.map((s) => s.region))).toEqual(new Set(SUPPLIER_REGIONS));
    expect(flavors.filter((f) => !f.active).length).toBeGreaterThanOrEqual(3);
    expect(suppliers.some((s) => !s.active)).toBe(true);
  });
});

describe('identifiers', () => {
  it.each([
    ['flavors', flavors.map((f) => f.id)],
    ['ingredients', ingredients.map((i) => i.id)],
    ['suppliers', suppliers.map((s) => s.id)],
  ])('%s ids are unique kebab-case slugs', (_name, ids) => {
    expect(duplicates(ids)).toEqual([]);
    expect(ids.filter((id) => !SLUG.test(id))).toEqual([]);
  });

  it('every supplierId resolves to a supplier', () => {
    const referenced = [...flavors, ...ingredients].map((record) => record.supplierId);
    expect(referenced.filter((id) => supplierById(id) === undefined)).toEqual([]);
  });

  it('an active flavour never depends on a former supplier', () => {
    const orphaned = flavors.filter((f) => f.active && supplierById(f.supplierId)?.active !== true);
    expect(orphaned.map((f) => f.id)).toEqual([]);
  });

  it('lookups find records and ignore prototype keys', () => {
    expect(flavorById('red-bull-original')?.name).toBe('Red Bull Energy Drink');
    expect(ingredientById('taurine')?.kind).toBe('amino-acid');
    expect(supplierById('red-bull-gmbh')?.country).toBe('AT');
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(flavorById(key)).toBeUndefined();
      expect(ingredientById(key)).toBeUndefined();
      expect(supplierById(key)).toBeUndefined();
    }
  });
});

describe('values', () => {
  it('flavour figures are finite and non-negative, with a price', () => {
    const bad = flavors.filter(
      (f) =>
        ![f.caffeineMg, f.sugarG, f.kcal, f.priceUsd].every((n) => Number.isFinite(n) && n >= 0) ||
        f.priceUsd <= 0,
    );
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('ingredient figures are finite and non-negative, with a positive maxAmount', () => {
    const bad = ingredients.filter(
      (i) =>
        ![i.caffeineMgPerUnit, i.sugarGPerUnit, i.kcalPerUnit, i.costUsdPerUnit].every(
          (n) => Number.isFinite(n) && n >= 0,
        ) ||
        !(i.maxAmount > 0) ||
        !INGREDIENT_UNITS.includes(i.unit),
    );
    expect(bad.map((i) => i.id)).toEqual([]);
  });

  it('energy covers the sugar (labels round, so within 15 %) and sugar-free means < 1 g', () => {
    expect(flavors.filter((f) => f.kcal < f.sugarG * 4 * 0.85).map((f) => f.id)).toEqual([]);
    const sweet = flavors.filter((f) => f.category === 'sugar-free' && f.sugarG >= 1);
    expect(sweet.map((f) => f.id)).toEqual([]);
  });

  it('known drinks carry their label caffeine per 250 ml', () => {
    expect(flavorById('red-bull-original')?.caffeineMg).toBe(80);
    expect(flavorById('club-mate-original')?.caffeineMg).toBe(50);
    // 160 mg per 473 ml can.
    expect(flavorById('monster-energy-original')?.caffeineMg).toBeCloseTo(84.57, 2);
    expect(flavorById('gatorade-lemon-lime')?.caffeineMg).toBe(0);
  });

  it('botanical caffeine contents are realistic', () => {
    expect(ingredientById('caffeine-anhydrous')?.caffeineMgPerUnit).toBe(1);
    expect(ingredientById('guarana-extract')?.caffeineMgPerUnit).toBeCloseTo(0.22);
    expect(ingredientById('green-tea-extract')?.caffeineMgPerUnit).toBeCloseTo(0.08);
    // 2-3 % caffeine, per gram.
    expect(ingredientById('yerba-mate-extract')?.caffeineMgPerUnit).toBeGreaterThanOrEqual(20);
    expect(ingredientById('yerba-mate-extract')?.caffeineMgPerUnit).toBeLessThanOrEqual(30);
    const decaf = ingredients.filter((i) => i.kind !== 'stimulant' && i.kind !== 'botanical');
    expect(decaf.filter((i) => i.caffeineMgPerUnit !== 0).map((i) => i.id)).toEqual([]);
  });
});

describe('links', () => {
  it('affiliate URLs are https and tagged ?ref=taurine', () => {
    const bad = flavors.filter(
      (f) => httpsUrl(f.affiliateUrl)?.searchParams.get('ref') !== 'taurine',
    );
    expect(bad.map((f) => f.id)).toEqual([]);
    expect(new Set(flavors.map((f) => f.affiliateUrl)).size).toBe(flavors.length);
  });

  it('supplier websites are https', () => {
    expect(suppliers.filter((s) => !httpsUrl(s.website)).map((s) => s.id)).toEqual([]);
    expect(suppliers.filter((s) => !/^[A-Z]{2}$/.test(s.country)).map((s) => s.id)).toEqual([]);
  });
});

describe('immutability', () => {
  it('lists and records are frozen, so one consumer cannot corrupt another', () => {
    for (const list of [flavors, ingredients, suppliers]) {
      expect(Object.isFrozen(list)).toBe(true);
      expect(list.every((record) => Object.isFrozen(record))).toBe(true);
    }
    expect(() => {
      (flavors[0] as { caffeineMg: number }).caffeineMg = 0;
    }).toThrow(TypeError);
  });
});
