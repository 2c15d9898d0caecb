// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_WORKER_CACHE_MESSAGE } from '../src/lib/browser-cache/cache-counters.ts';
import { generatedDocumentName, readGeneratedDocuments } from './graphql-document-imports.ts';
import {
  SERVICE_WORKER_CACHED_OPERATIONS,
  isCalculatorQuery,
  serviceWorkerCacheReporter,
} from './service-worker-runtime.ts';

describe('graphql() document inlining', () => {
  it('names the generated document of an operation or a fragment as codegen does', () => {
    expect(generatedDocumentName('query CalculateDrink($input: CalculateInput!) {')).toBe(
      'CalculateDrinkDocument',
    );
    expect(generatedDocumentName('\n  fragment MetricCards_SnapshotFragment on Snapshot {')).toBe(
      'MetricCards_SnapshotFragmentFragmentDoc',
    );
  });

  it('finds every document of the generated module as JSON', () => {
    const generated = readFileSync(
      fileURLToPath(new URL('../src/gql/graphql.ts', import.meta.url)),
      'utf8',
    );
    const documents = readGeneratedDocuments(generated);
    expect(documents.size).toBe((generated.match(/^export const \w+ = \{/gm) ?? []).length);
    const calculate = JSON.parse(documents.get('CalculateDrinkDocument')!) as { kind: string };
    expect(calculate.kind).toBe('Document');
  });
});

describe('Service Worker runtime caching', () => {
  const request = (url: string, method = 'GET') => ({
    url: new URL(url, 'http://localhost'),
    request: new Request(new URL(url, 'http://localhost'), { method }),
  });

  it('caches GET queries of the calculator only', () => {
    for (const name of SERVICE_WORKER_CACHED_OPERATIONS) {
      expect(isCalculatorQuery(request(`/graphql?operationName=${name}&query=x`))).toBe(true);
    }
    expect(isCalculatorQuery(request('/graphql?operationName=DashboardSnapshot'))).toBe(false);
    expect(isCalculatorQuery(request('/graphql?operationName=Ingredients', 'POST'))).toBe(false);
    expect(isCalculatorQuery(request('/rum?operationName=Ingredients'))).toBe(false);
  });

  it('posts the message type the page listens for (the plugin is serialised into sw.js)', () => {
    const singleQuoted = (fn: unknown) => String(fn).replaceAll('"', "'").replace(/\s+/g, '');
    expect(singleQuoted(serviceWorkerCacheReporter.cachedResponseWillBeUsed)).toContain(
      `'${SERVICE_WORKER_CACHE_MESSAGE}'`,
    );
    expect(singleQuoted(isCalculatorQuery)).toContain(
      SERVICE_WORKER_CACHED_OPERATIONS.map((name) => `'${name}'`).join(','),
    );
  });
});
