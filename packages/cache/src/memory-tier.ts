import { LRUCache } from 'lru-cache';
import { AccessCounter } from './access-counter.ts';
import { CacheError } from './cache-error.ts';
import type { CacheEntry, LocalCacheTier, TierSize, TierStatus } from './cache-tier.ts';
import { compileGlob } from './glob-pattern.ts';
import { deepFreeze, normalizeTtl, serializeValue } from './json-value.ts';
import { DecodedValues } from './decoded-values.ts';
import type { MemoryCodec } from './memory-codec.ts';
import { createMemoryCodec } from './memory-codec.ts';
import type { MemoryTierOptions, MemoryTierUsage, TrimResult } from './memory-tier-options.ts';
import { MEMORY_TIER_DEFAULTS } from './memory-tier-options.ts';

export { MEMORY_TIER_DEFAULTS } from './memory-tier-options.ts';
export type {
  MemoryCompressionOptions,
  MemoryTierOptions,
  MemoryTierUsage,
  TrimResult,
} from './memory-tier-options.ts';

interface MemoryEntry {
  /** Reads of this entry; a plain field increment keeps popularity tracking off the hot path's cost. */
  hits: number;
  /** The parsed value, or `undefined` when the entry is compressed. */
  readonly value: unknown;
  readonly compressed: Buffer | undefined;
  /** Bytes counted against `maxBytes`. */
  readonly bytes: number;
  /** Bytes the entry would count uncompressed. */
  readonly logicalBytes: number;
}

const positiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * The in-process tier: an `lru-cache` bounded by bytes, with per-entry TTLs, optional compression
 * of large values and eviction counting. Besides the async {@link CacheTier} methods it offers
 * synchronous `getSync`/`setSync`, which `TieredCache` uses on its hot path.
 */
export class MemoryTier implements LocalCacheTier {
  readonly name: string;
  readonly maxBytes: number;
  readonly #lru: LRUCache<string, MemoryEntry>;
  readonly #codec: MemoryCodec | undefined;
  readonly #freeze: boolean;
  readonly #maxEntryBytes: number;
  readonly #onEvict: ((key: string) => void) | undefined;
  readonly #departed: AccessCounter;
  /** Hot compressed values, decoded (and frozen like the others): 4 MiB of their JSON at most. */
  readonly #decoded = new DecodedValues(4 * 1024 * 1024);
  #trimming = false;
  #evictions = 0;
  #trimmed = 0;
  #compressedEntries = 0;
  #logicalBytes = 0;
  #bytesSavedTotal = 0;

  constructor(options: MemoryTierOptions = {}) {
    const maxBytes = options.maxBytes ?? MEMORY_TIER_DEFAULTS.maxBytes;
    if (!positiveInteger(maxBytes)) {
      throw new CacheError('INVALID_OPTIONS', 'MemoryTier: maxBytes must be a positive integer');
    }
    const maxEntryBytes =
      options.maxEntryBytes ?? Math.min(maxBytes, MEMORY_TIER_DEFAULTS.maxEntryBytes);
    if (!positiveInteger(maxEntryBytes) || maxEntryBytes > maxBytes) {
      throw new CacheError(
        'INVALID_OPTIONS',
        'MemoryTier: maxEntryBytes must be a positive integer no larger than maxBytes',
      );
    }
    this.#codec = createMemoryCodec(options.compression);
    this.name = options.name ?? MEMORY_TIER_DEFAULTS.name;
    this.maxBytes = maxBytes;
    this.#maxEntryBytes = maxEntryBytes;
    this.#freeze = options.freezeValues ?? MEMORY_TIER_DEFAULTS.freezeValues;
    this.#onEvict = options.onEvict;
    this.#departed = new AccessCounter(
      options.popularKeysCapacity ?? MEMORY_TIER_DEFAULTS.popularKeysCapacity,
    );
    const clock = options.clock;
    this.#lru = new LRUCache<string, MemoryEntry>({
      maxSize: maxBytes,
      maxEntrySize: maxEntryBytes,
      sizeCalculation: (entry) => entry.bytes,
      dispose: (entry, key, reason) => {
        this.#disposed(entry, key, reason);
      },
      // An injected clock must be read on every check: lru-cache otherwise caches "now" for 1 ms
      // behind a real timer, which fake time never fires.
      ...(clock ? { perf: { now: clock }, ttlResolution: 0 } : {}),
    });
  }

  /** The value under `key`, or `undefined`. Synchronous; counts nothing. */
  getSync(key: string): unknown {
    const entry = this.#lru.get(key);
    if (entry === undefined) return undefined;
    entry.hits++;
    const { compressed } = entry;
    if (compressed === undefined) return entry.value;
    return this.#decoded.get(compressed, entry.logicalBytes, () => {
      const value = this.#codec!.decompress(compressed);
      return this.#freeze ? deepFreeze(value) : value;
    });
  }

  /**
   * Stores `value` and returns the value as readers will see it (parsed back from JSON, frozen
   * unless `freezeValues` is off). Values above `maxEntryBytes` are returned but not kept.
   *
   * @throws {CacheError} `INVALID_VALUE` or `INVALID_TTL`.
   */
  setSync(key: string, value: unknown, ttlMs: number): unknown {
    const ttl = normalizeTtl(ttlMs);
    const json = serializeValue(value);
    const jsonBytes = Buffer.byteLength(json);
    const logicalBytes = jsonBytes + key.length;
    let entry: MemoryEntry | undefined;
    let readable: unknown;
    const codec = this.#codec;
    if (codec && jsonBytes >= codec.thresholdBytes) {
      const compressed = codec.compress(json);
      if (compressed.byteLength < jsonBytes) {
        entry = {
          hits: 0,
          value: undefined,
          compressed,
          bytes: compressed.byteLength + key.length,
          logicalBytes,
        };
        readable = JSON.parse(json);
      }
    }
    if (entry === undefined) {
      readable = JSON.parse(json);
      if (this.#freeze) deepFreeze(readable);
      entry = {
        hits: 0,
        value: readable,
        compressed: undefined,
        bytes: logicalBytes,
        logicalBytes,
      };
    }
    if (entry.bytes > this.#maxEntryBytes) {
      this.#lru.delete(key);
      return readable;
    }
    this.#lru.set(key, entry, { ttl });
    this.#logicalBytes += entry.logicalBytes;
    if (entry.compressed !== undefined) {
      this.#compressedEntries++;
      this.#bytesSavedTotal += entry.logicalBytes - entry.bytes;
    }
    return readable;
  }

  get(key: string): Promise<CacheEntry | undefined> {
    const value = this.getSync(key);
    if (value === undefined) return Promise.resolve(undefined);
    return Promise.resolve({ value, ttlMs: this.#lru.getRemainingTTL(key) });
  }

  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    // A throw inside the executor becomes the rejection.
    return new Promise((resolve) => {
      this.setSync(key, value, ttlMs);
      resolve();
    });
  }

  /** Removes `key`; returns whether a live entry was there. */
  deleteSync(key: string): boolean {
    const live = this.#lru.has(key);
    this.#lru.delete(key);
    return live;
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.deleteSync(key));
  }

  /** Removes every live key matching the glob; returns how many. @throws {CacheError} `INVALID_PATTERN`. */
  clearSync(pattern: string): number {
    const glob = compileGlob(pattern);
    this.#lru.purgeStale();
    if (glob.matchesEverything) {
      const count = this.#lru.size;
      this.#lru.clear();
      return count;
    }
    const doomed: string[] = [];
    for (const key of this.#lru.keys()) if (glob.matches(key)) doomed.push(key);
    for (const key of doomed) this.#lru.delete(key);
    return doomed.length;
  }

  clear(pattern: string): Promise<number> {
    return new Promise((resolve) => {
      resolve(this.clearSync(pattern));
    });
  }

  /** Live key count and bytes; purges expired entries first. */
  sizeSync(): TierSize {
    this.#lru.purgeStale();
    return { keys: this.#lru.size, bytes: this.#lru.calculatedSize, estimated: false };
  }

  size(): Promise<TierSize> {
    return Promise.resolve(this.sizeSync());
  }

  /** Whether a live entry is held under `key`; unlike `getSync`, not counted as a read. */
  has(key: string): boolean {
    return this.#lru.has(key);
  }

  /**
   * Up to `limit` keys, most read first: reads of live entries plus those of entries already gone
   * (kept for a bounded number of keys), so popularity survives a clear.
   */
  popularKeys(limit: number): string[] {
    const counts = new Map(this.#departed.entries());
    for (const [key, entry] of this.#lru.entries()) {
      counts.set(key, (counts.get(key) ?? 0) + entry.hits);
    }
    return [...counts]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, Math.max(0, limit))
      .map(([key]) => key);
  }

  /** Eviction and compression counters. */
  usage(): MemoryTierUsage {
    const stored = this.#lru.calculatedSize;
    return {
      evictions: this.#evictions,
      trimmed: this.#trimmed,
      compressedEntries: this.#compressedEntries,
      bytesSaved: this.#logicalBytes - stored,
      bytesSavedTotal: this.#bytesSavedTotal,
      compressionRatio: stored === 0 ? null : this.#logicalBytes / stored,
    };
  }

  /**
   * Drops expired entries, then least recently used ones until at most `targetBytes` remain.
   *
   * @param targetBytes - @default `maxBytes` × {@link MEMORY_TIER_DEFAULTS.trimTargetRatio}
   */
  trim(
    targetBytes: number = Math.floor(this.maxBytes * MEMORY_TIER_DEFAULTS.trimTargetRatio),
  ): TrimResult {
    const bytesBefore = this.#lru.calculatedSize;
    const sizeBefore = this.#lru.size;
    this.#lru.purgeStale();
    this.#trimming = true;
    try {
      while (this.#lru.calculatedSize > Math.max(0, targetBytes) && this.#lru.size > 0) {
        this.#lru.pop();
      }
    } finally {
      this.#trimming = false;
    }
    return {
      bytesBefore,
      bytesAfter: this.#lru.calculatedSize,
      removed: sizeBefore - this.#lru.size,
    };
  }

  status(): TierStatus {
    return 'up';
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  #disposed(entry: MemoryEntry, key: string, reason: LRUCache.DisposeReason): void {
    this.#logicalBytes -= entry.logicalBytes;
    this.#departed.add(key, entry.hits);
    if (entry.compressed !== undefined) {
      this.#compressedEntries--;
      this.#decoded.delete(entry.compressed);
    }
    if (reason !== 'evict') return;
    if (this.#trimming) {
      this.#trimmed++;
      return;
    }
    this.#evictions++;
    this.#onEvict?.(key);
  }
}
