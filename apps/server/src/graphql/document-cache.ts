import type { DocumentNode } from 'graphql';

/**
 * Bounds for yoga's parse cache. yoga keeps the last 1024 parsed documents and 1024 parse errors
 * keyed by their text, for an hour, whatever their size; a parsed document costs about 50 to 100
 * times its text in heap (graphql-js keeps every token), so 1024 distinct documents of 30 KB pin
 * 1.5 GB. Here both caches are bounded by the total length of the texts they hold, and texts past
 * a per-entry limit are parsed every time rather than cached. The SPA's 25 documents take 12 KB.
 */

/** Bounds of one cache: entries, summed text length (characters) and the longest text cached. */
export interface TextKeyedCacheLimits {
  maxEntries: number;
  maxTotalChars: number;
  maxEntryChars: number;
}

/** Defaults: documents ≈ 256 K characters (about 25 MB of AST at worst), errors far less. */
export const DOCUMENT_CACHE_LIMITS = {
  documents: { maxEntries: 1000, maxTotalChars: 256 * 1024, maxEntryChars: 16 * 1024 },
  errors: { maxEntries: 100, maxTotalChars: 32 * 1024, maxEntryChars: 4 * 1024 },
} as const satisfies Record<string, TextKeyedCacheLimits>;

/**
 * A least-recently-used map from a text to what was made of it, bounded by entries and by the
 * summed length of its keys. The shape yoga's `parserAndValidationCache` expects (`get`/`set`).
 */
export class TextKeyedCache<V> {
  readonly limits: TextKeyedCacheLimits;
  readonly #entries = new Map<string, V>();
  #totalChars = 0;

  constructor(limits: TextKeyedCacheLimits) {
    this.limits = limits;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting keeps the Map ordered from least to most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.limits.maxEntryChars) return;
    if (this.#entries.delete(key)) this.#totalChars -= key.length;
    this.#entries.set(key, value);
    this.#totalChars += key.length;
    const { maxEntries, maxTotalChars } = this.limits;
    while (this.#entries.size > maxEntries || this.#totalChars > maxTotalChars) {
      const oldest = this.#entries.keys().next().value!;
      this.#entries.delete(oldest);
      this.#totalChars -= oldest.length;
    }
  }

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Summed length of the texts held. */
  get totalChars(): number {
    return this.#totalChars;
  }
}

/** The two caches for yoga's `parserAndValidationCache` option. */
export function createDocumentCaches(limits = DOCUMENT_CACHE_LIMITS) {
  return {
    documentCache: new TextKeyedCache<DocumentNode>(limits.documents),
    errorCache: new TextKeyedCache<unknown>(limits.errors),
  };
}
