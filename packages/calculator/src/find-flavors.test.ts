import { describe, expect, it } from 'vitest';
import { flavors } from './catalog/flavors.ts';
import { findFlavors } from './find-flavors.ts';

const ids = (list: readonly { id: string }[]) => list.map((f) => f.id);

describe('findFlavors', () => {
  it('returns active flavours sorted by name by default', () => {
    const found = findFlavors();
    expect(found.length).toBe(flavors.filter((f) => f.active).length);
    expect(found.every((f) => f.active)).toBe(true);
    const names = found.map((f) => f.name);
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
    );
    expect(findFlavors(null)).toEqual(found);
  });

  it('includes discontinued flavours on request', () => {
    expect(ids(findFlavors())).not.toContain('coca-cola-energy');
    expect(ids(findFlavors({ includeInactive: true }))).toContain('coca-cola-energy');
    expect(findFlavors({ includeInactive: true })).toHaveLength(flavors.length);
  });

  it('filters by category', () => {
    const shots = findFlavors({ category: 'shot' });
    expect(shots.length).toBeGreaterThan(0);
    expect(shots.every((f) => f.category === 'shot')).toBe(true);
  });

  it('filters by caffeine per 250 ml, inclusively', () => {
    const upTo80 = findFlavors({ maxCaffeineMg: 80 });
    expect(ids(upTo80)).toContain('red-bull-original');
    expect(upTo80.every((f) => f.caffeineMg <= 80)).toBe(true);
    expect(ids(findFlavors({ maxCaffeineMg: 0 }))).toEqual(
      expect.arrayContaining(['gatorade-lemon-lime', 'powerade-mountain-berry-blast']),
    );
  });

  it('searches name, brand and description, ignoring case and accents', () => {
    expect(ids(findFlavors({ search: 'RED BULL' }))).toEqual([
      'red-bull-original',
      'red-bull-sugarfree',
    ]);
    expect(ids(findFlavors({ search: 'guayaki' }))).toEqual(['guayaki-revel-berry']);
    // Only in the description.
    expect(ids(findFlavors({ search: 'hacker' }))).toEqual(['club-mate-original']);
    // Only in the brand.
    expect(ids(findFlavors({ search: 'Pure Leaf' }))).toEqual(['pure-leaf-unsweetened-black-tea']);
  });

  it('requires every search word, in any order', () => {
    expect(ids(findFlavors({ search: '  sugarfree   red ' }))).toEqual(['red-bull-sugarfree']);
    expect(findFlavors({ search: 'red bull matcha' })).toEqual([]);
  });

  it('treats null and blank criteria as absent', () => {
    const all = findFlavors();
    expect(
      findFlavors({ category: null, maxCaffeineMg: null, search: '   ', includeInactive: null }),
    ).toEqual(all);
  });

  it('combines criteria', () => {
    const found = findFlavors({ category: 'natural', maxCaffeineMg: 60, includeInactive: true });
    expect(ids(found)).toEqual(['club-mate-original']);
  });

  it('returns a fresh array each call', () => {
    const first = findFlavors();
    first.length = 0;
    expect(findFlavors().length).toBeGreaterThan(0);
  });
});
