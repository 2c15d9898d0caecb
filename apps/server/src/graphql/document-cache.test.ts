import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema/index.ts';
import { DOCUMENT_CACHE_LIMITS, TextKeyedCache, createDocumentCaches } from './document-cache.ts';

describe('TextKeyedCache', () => {
  it('stays within its entry and text-length bounds under many distinct texts', () => {
    const cache = new TextKeyedCache<number>({
      maxEntries: 50,
      maxTotalChars: 2_000,
      maxEntryChars: 500,
    });
    for (let i = 0; i < 10_000; i += 1) cache.set(`{ q${i} ${'x'.repeat(i % 400)} }`, i);
    expect(cache.size).toBeLessThanOrEqual(50);
    expect(cache.totalChars).toBeLessThanOrEqual(2_000);
    // The most recent text is there; a text over maxEntryChars is never stored.
    expect(cache.get(`{ q9999 ${'x'.repeat(9999 % 400)} }`)).toBe(9999);
    cache.set('y'.repeat(501), 1);
    expect(cache.get('y'.repeat(501))).toBeUndefined();
  });

  it('forgets the least recently used text first', () => {
    const cache = new TextKeyedCache<string>({
      maxEntries: 2,
      maxTotalChars: 100,
      maxEntryChars: 100,
    });
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
  });
});

describe('createDocumentCaches with yoga', () => {
  it('bounds what yoga keeps of distinct valid and invalid documents, and still serves them', async () => {
    const caches = createDocumentCaches();
    const yoga = createYoga({
      schema: buildSchema(),
      logging: false,
      parserAndValidationCache: caches,
    });
    const post = async (query: string) => {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const padding = '__typename '.repeat(200); // about 2 KB per document
    for (let i = 0; i < 200; i += 1) {
      const valid = await post(`query Q${i} { ${padding} }`);
      expect(valid.body).toEqual({ data: { __typename: 'Query' } });
      const invalid = await post(`query Bad${i} { ${padding}`);
      expect(invalid.body).toMatchObject({
        errors: [{ message: expect.stringContaining('Syntax Error') as unknown }],
      });
    }
    const { documents, errors } = DOCUMENT_CACHE_LIMITS;
    expect(caches.documentCache.size).toBeGreaterThan(0);
    expect(caches.documentCache.totalChars).toBeLessThanOrEqual(documents.maxTotalChars);
    expect(caches.errorCache.size).toBeGreaterThan(0);
    expect(caches.errorCache.totalChars).toBeLessThanOrEqual(errors.maxTotalChars);
  });
});
