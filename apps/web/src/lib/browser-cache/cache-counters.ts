import type { BrowserCacheTier, CacheTierCounts } from '@taurine/vitals';

/**
 * What the Service Worker posts to the page for each lookup in its calculator-data cache. The
 * worker's plugin is serialised into `sw.js` and cannot import this, so a test checks they agree.
 */
export const SERVICE_WORKER_CACHE_MESSAGE = 'taurine:sw-cache';

const counts: Record<BrowserCacheTier, { hits: number; misses: number }> = {
  serviceWorker: { hits: 0, misses: 0 },
  localStorage: { hits: 0, misses: 0 },
};
const totals: Record<BrowserCacheTier, { hits: number; misses: number }> = {
  serviceWorker: { hits: 0, misses: 0 },
  localStorage: { hits: 0, misses: 0 },
};

/** Counts one lookup in a browser tier. */
export function recordCacheLookup(tier: BrowserCacheTier, hit: boolean): void {
  const key = hit ? 'hits' : 'misses';
  counts[tier][key] += 1;
  totals[tier][key] += 1;
}

/**
 * The counts since the last call, then starts again from zero: `/rum` adds up what it receives, so
 * each batch carries only its own lookups. Tiers without lookups are left out.
 */
export function takeCacheCounts(): CacheTierCounts[] {
  const taken: CacheTierCounts[] = [];
  for (const tier of Object.keys(counts) as BrowserCacheTier[]) {
    const { hits, misses } = counts[tier];
    if (hits + misses > 0) taken.push({ tier, hits, misses });
    counts[tier] = { hits: 0, misses: 0 };
  }
  return taken;
}

/** Puts counts back after a batch could not be sent, so they go with the next one. */
export function restoreCacheCounts(taken: readonly CacheTierCounts[]): void {
  for (const { tier, hits, misses } of taken) {
    counts[tier].hits += hits;
    counts[tier].misses += misses;
  }
}

/** Every lookup since the page loaded, per tier (for display; never reset). */
export function cacheTotals(): Record<BrowserCacheTier, { hits: number; misses: number }> {
  return {
    serviceWorker: { ...totals.serviceWorker },
    localStorage: { ...totals.localStorage },
  };
}

const isCacheMessage = (data: unknown): data is { type: string; outcome: 'hit' | 'miss' } =>
  typeof data === 'object' &&
  data !== null &&
  (data as { type?: unknown }).type === SERVICE_WORKER_CACHE_MESSAGE &&
  ((data as { outcome?: unknown }).outcome === 'hit' ||
    (data as { outcome?: unknown }).outcome === 'miss');

/**
 * Counts the Service Worker's lookups as it reports them. Called at start-up, before the document
 * finishes parsing: the browser only holds messages back until then, so a listener attached later
 * (with the lazily loaded tracker) would miss the first page's lookups.
 */
export function listenToServiceWorkerCache(container?: ServiceWorkerContainer): void {
  // Undefined outside secure contexts (plain http on another host than localhost).
  const target = container ?? ('serviceWorker' in navigator ? navigator.serviceWorker : undefined);
  target?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isCacheMessage(event.data))
      recordCacheLookup('serviceWorker', event.data.outcome === 'hit');
  });
}
