import { afterEach, describe, expect, it } from 'vitest';
import { cacheTotals, takeCacheCounts } from './cache-counters.ts';
import { withLocalStorageCache } from './cached-fetch.ts';
import { LOCAL_CACHE_PREFIX, createLocalStorageCache } from './local-storage-cache.ts';

afterEach(() => {
  localStorage.clear();
  takeCacheCounts();
});

describe('localStorage cache tier', () => {
  it('returns fresh entries, expires old ones, and counts every lookup', () => {
    let now = 1_000_000;
    const cache = createLocalStorageCache({ now: () => now });
    takeCacheCounts();
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { drink: 'red-bull' }, 60_000);
    expect(cache.get('a')).toEqual({ drink: 'red-bull' });
    now += 60_001;
    expect(cache.get('a')).toBeUndefined();
    expect(localStorage.getItem(`${LOCAL_CACHE_PREFIX}a`)).toBeNull();
    expect(takeCacheCounts()).toEqual([{ tier: 'localStorage', hits: 1, misses: 2 }]);
    // Taken counts start again from zero; the page totals do not.
    expect(takeCacheCounts()).toEqual([]);
    expect(cacheTotals().localStorage.hits).toBeGreaterThanOrEqual(1);
  });

  it('ignores entries it cannot read and never throws when storage is unavailable', () => {
    localStorage.setItem(`${LOCAL_CACHE_PREFIX}broken`, '{not json');
    const cache = createLocalStorageCache();
    expect(cache.get('broken')).toBeUndefined();
    const blocked = createLocalStorageCache({ storage: () => null });
    expect(() => {
      blocked.set('x', 1, 1000);
    }).not.toThrow();
    expect(blocked.get('x')).toBeUndefined();
  });
});

describe('withLocalStorageCache', () => {
  const answer = (body: unknown) =>
    Promise.resolve(
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    );

  it('answers a repeated catalogue query from localStorage without a request', async () => {
    let requests = 0;
    const fetchFromCache = withLocalStorageCache(() => {
      requests += 1;
      return answer({ data: { ingredients: [{ id: 'taurine' }] } });
    }, createLocalStorageCache());
    const url =
      '/graphql?query=query+Ingredients%7Bingredients%7Bid%7D%7D&operationName=Ingredients';
    const first = await fetchFromCache(url, { method: 'GET' });
    const second = await fetchFromCache(url, { method: 'GET' });
    expect(requests).toBe(1);
    expect(await second.json()).toEqual(await first.json());
    expect(second.headers.get('x-taurine-cache')).toBe('localStorage');
  });

  it('never stores errors, POSTs or other operations', async () => {
    let requests = 0;
    const fetchFromCache = withLocalStorageCache(() => {
      requests += 1;
      return answer({ errors: [{ message: 'boom' }] });
    }, createLocalStorageCache());
    await fetchFromCache('/graphql?operationName=Ingredients', { method: 'GET' });
    await fetchFromCache('/graphql?operationName=Ingredients', { method: 'GET' });
    await fetchFromCache('/graphql?operationName=DashboardSnapshot', { method: 'GET' });
    await fetchFromCache('/graphql', { method: 'POST', body: '{}' });
    expect(requests).toBe(4);
  });
});
