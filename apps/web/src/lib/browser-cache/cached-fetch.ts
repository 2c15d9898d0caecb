import { LOCAL_CACHE_TTL_MS } from './local-storage-cache.ts';
import type { LocalStorageCache } from './local-storage-cache.ts';

/** The calculator's catalogue queries kept in localStorage, with their time to live. */
export const LOCALLY_CACHED_OPERATIONS: Readonly<Record<string, number>> = {
  FlavorPickerPage: LOCAL_CACHE_TTL_MS.catalog,
  Ingredients: LOCAL_CACHE_TTL_MS.catalog,
  SelectedFlavor: LOCAL_CACHE_TTL_MS.catalog,
};

/** 32-bit FNV-1a as hex: a short, stable key for a long query string. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Puts the localStorage tier in front of `fetch` for GET GraphQL requests of the operations in
 * {@link LOCALLY_CACHED_OPERATIONS}: a fresh stored answer is returned without a request;
 * otherwise the request goes on (through the Service Worker, then the network) and a successful
 * answer without errors is stored. The key hashes the whole query string, so a changed query or
 * different variables never read another's answer.
 */
export function withLocalStorageCache(
  fetchImpl: typeof fetch,
  cache: LocalStorageCache,
): typeof fetch {
  return async (input, init) => {
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    const url = new URL(
      input instanceof Request ? input.url : String(input),
      typeof location === 'undefined' ? 'http://localhost/' : location.href,
    );
    const operationName = url.searchParams.get('operationName') ?? '';
    const ttlMs = LOCALLY_CACHED_OPERATIONS[operationName];
    if (method !== 'GET' || ttlMs === undefined) return fetchImpl(input, init);

    const key = `gql:${operationName}:${fnv1a(url.search)}`;
    const stored = cache.get(key);
    if (typeof stored === 'string') {
      return new Response(stored, {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-taurine-cache': 'localStorage' },
      });
    }
    const response = await fetchImpl(input, init);
    if (response.ok) {
      try {
        const body = await response.clone().text();
        const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
        if (parsed.errors === undefined && parsed.data != null) cache.set(key, body, ttlMs);
      } catch {
        // Not JSON: leave it to urql to report.
      }
    }
    return response;
  };
}
