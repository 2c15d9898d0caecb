import { flavors } from './catalog/flavors.ts';
import type { Flavor, FlavorCategory } from './catalog/model.ts';

/** Criteria for {@link findFlavors}; `null` behaves like absent, as GraphQL arguments arrive. */
export interface FlavorFilter {
  category?: FlavorCategory | null;
  /** Inclusive upper bound on caffeine per 250 ml. */
  maxCaffeineMg?: number | null;
  /**
   * Words to look for in name, brand and description. Case- and accent-insensitive ("guayaki"
   * finds "Guayakí"); every word must occur somewhere.
   */
  search?: string | null;
  /** Include discontinued flavours. @default false */
  includeInactive?: boolean | null;
}

/** Lower-cases and strips diacritics so searches match however the user types accents. */
function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

// Sorted and folded once: the catalogue is immutable, and search runs on every keystroke.
const searchableFlavors = [...flavors]
  .sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
  .map((flavor) => ({
    flavor,
    haystack: foldForSearch(`${flavor.name}\n${flavor.brand}\n${flavor.description}`),
  }));

/**
 * Flavours matching every given criterion, sorted by name (ties by id) so pages and caches are
 * stable. Pure: returns a new array each call.
 */
export function findFlavors(filter?: FlavorFilter | null): Flavor[] {
  const { category, maxCaffeineMg, search, includeInactive } = filter ?? {};
  const terms =
    typeof search === 'string' ? foldForSearch(search).split(/\s+/u).filter(Boolean) : [];
  return searchableFlavors
    .filter(
      ({ flavor, haystack }) =>
        (includeInactive === true || flavor.active) &&
        (category == null || flavor.category === category) &&
        (maxCaffeineMg == null ||
          Number.isNaN(maxCaffeineMg) ||
          flavor.caffeineMg <= maxCaffeineMg) &&
        terms.every((term) => haystack.includes(term)),
    )
    .map(({ flavor }) => flavor);
}
