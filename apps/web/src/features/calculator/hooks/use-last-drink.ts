import { useEffect } from 'react';
import {
  LOCAL_CACHE_TTL_MS,
  localStorageCache,
} from '../../../lib/browser-cache/local-storage-cache.ts';
import type { LocalStorageCache } from '../../../lib/browser-cache/local-storage-cache.ts';
import { isDrinkForm } from '../utils/drink-form.ts';
import type { DrinkForm } from '../utils/drink-form.ts';

/** The localStorage key of the visitor's last drink. */
export const LAST_DRINK_KEY = 'calculator:lastDrink';

/**
 * The drink the visitor left the calculator with (kept 7 days), or null. Reading it is one lookup
 * in the localStorage tier, counted as a hit or a miss.
 */
export function loadLastDrink(cache: LocalStorageCache = localStorageCache): DrinkForm | null {
  const stored = cache.get(LAST_DRINK_KEY);
  return isDrinkForm(stored) && stored.flavorId !== null ? stored : null;
}

/** Keeps the current drink as the last drink once a flavor is picked; forgets it on reset. */
export function useRememberDrink(
  form: DrinkForm,
  cache: LocalStorageCache = localStorageCache,
): void {
  useEffect(() => {
    if (form.flavorId === null) cache.delete(LAST_DRINK_KEY);
    else cache.set(LAST_DRINK_KEY, form, LOCAL_CACHE_TTL_MS.lastDrink);
  }, [form, cache]);
}
