import { recordCacheLookup } from './cache-counters.ts';

/** Time to live per kind of entry, in ms. The catalogue changes with deploys, not by the minute. */
export const LOCAL_CACHE_TTL_MS = {
  /** Flavors and ingredients: static data (the server keeps it 24 h too). */
  catalog: 24 * 3_600_000,
  /** The visitor's last drink, restored when they come back. */
  lastDrink: 7 * 24 * 3_600_000,
} as const;

/** Keys of this cache start with this; bump the version when the stored shape changes. */
export const LOCAL_CACHE_PREFIX = 'taurine.cache.v1:';

/** Most entries kept; the ones closest to expiry go first. */
const MAX_ENTRIES = 200;

interface StoredEntry {
  expiresAt: number;
  value: unknown;
}

export interface LocalStorageCache {
  /** The value under `key` when present and fresh; counts a hit or a miss. */
  get(key: string): unknown;
  /** Stores `value` for `ttlMs`. Never throws: a full or blocked storage only loses the entry. */
  set(key: string, value: unknown, ttlMs: number): void;
  delete(key: string): void;
}

const parse = (raw: string | null): StoredEntry | null => {
  if (raw === null) return null;
  try {
    const entry = JSON.parse(raw) as Partial<StoredEntry>;
    return typeof entry.expiresAt === 'number' && 'value' in entry ? (entry as StoredEntry) : null;
  } catch {
    return null;
  }
};

/**
 * The localStorage tier: JSON entries with an expiry time, a bounded number of them, and a
 * hit/miss count per lookup that goes to `/rum` with the Web Vitals batch.
 */
export function createLocalStorageCache(
  options: { storage?: () => Storage | null; now?: () => number } = {},
): LocalStorageCache {
  const now = options.now ?? Date.now;
  const storage =
    options.storage ??
    (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    });

  const ownKeys = (store: Storage): string[] => {
    const keys: string[] = [];
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index);
      if (key?.startsWith(LOCAL_CACHE_PREFIX)) keys.push(key);
    }
    return keys;
  };

  /** Drops expired entries, then the ones expiring soonest, until `room` more fit. */
  const evict = (store: Storage, room: number): void => {
    const entries = ownKeys(store).map((key) => ({
      key,
      expiresAt: parse(store.getItem(key))?.expiresAt ?? 0,
    }));
    const at = now();
    let kept = entries.length;
    entries.sort((a, b) => a.expiresAt - b.expiresAt);
    for (const entry of entries) {
      if (entry.expiresAt > at && kept + room <= MAX_ENTRIES) break;
      store.removeItem(entry.key);
      kept -= 1;
    }
  };

  return {
    get(key: string): unknown {
      const store = storage();
      const fullKey = LOCAL_CACHE_PREFIX + key;
      let entry: StoredEntry | null = null;
      try {
        entry = parse(store?.getItem(fullKey) ?? null);
        if (entry !== null && entry.expiresAt <= now()) {
          store?.removeItem(fullKey);
          entry = null;
        }
      } catch {
        entry = null;
      }
      recordCacheLookup('localStorage', entry !== null);
      return entry === null ? undefined : entry.value;
    },
    set(key, value, ttlMs) {
      const store = storage();
      if (store === null) return;
      const raw = JSON.stringify({ expiresAt: now() + ttlMs, value } satisfies StoredEntry);
      try {
        if (store.getItem(LOCAL_CACHE_PREFIX + key) === null) evict(store, 1);
        store.setItem(LOCAL_CACHE_PREFIX + key, raw);
      } catch {
        // Quota exceeded: make room once and try again, then give up quietly.
        try {
          evict(store, MAX_ENTRIES);
          store.setItem(LOCAL_CACHE_PREFIX + key, raw);
        } catch {
          // A cache that cannot store is a cache that misses.
        }
      }
    },
    delete(key) {
      try {
        storage()?.removeItem(LOCAL_CACHE_PREFIX + key);
      } catch {
        // Nothing to do: the entry will expire.
      }
    },
  };
}

/** The app's localStorage tier. */
export const localStorageCache = createLocalStorageCache();
