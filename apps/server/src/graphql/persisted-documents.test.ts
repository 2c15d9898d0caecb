import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const DOCUMENT = 'query TopFlavors { flavors(first: 2) { totalCount } }';
const HASH = createHash('sha256').update(DOCUMENT).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'taurine-persisted-'));
const path = join(dir, 'persisted-documents.json');
writeFileSync(path, JSON.stringify({ [`sha256:${HASH}`]: DOCUMENT }));

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(
    { PERSISTED_OPERATIONS_ONLY: 'true' },
    { persistedDocumentsPath: path },
  );
});
afterAll(async () => {
  await app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown, key?: string) =>
  app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify(body),
  });

describe('persisted documents', () => {
  it('runs a document sent by its hash, also as a short GET', async () => {
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } };
    const response = await post(byHash);
    expect(
      ((await response.json()) as { data: { flavors: { totalCount: number } } }).data.flavors
        .totalCount,
    ).toBeGreaterThan(0);
    const get = await app.yoga.fetch(
      `http://localhost/graphql?extensions=${encodeURIComponent(JSON.stringify(byHash.extensions))}`,
      { headers: { 'x-graphql-yoga-csrf': '1' } },
    );
    expect(get.status).toBe(200);
  });

  it('in allow-list mode refuses other documents from callers without a key, not from key holders', async () => {
    const anonymous = await post({ query: '{ flavors(first: 1) { totalCount } }' });
    const body = (await anonymous.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/persisted/i);
    const withKey = await post({ query: '{ flavors(first: 1) { totalCount } }' }, app.adminKey);
    expect(((await withKey.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it('answers an unknown hash with PersistedQueryNotFound', async () => {
    const response = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(JSON.stringify(await response.json())).toMatch(/PersistedQueryNotFound/);
  });
});
