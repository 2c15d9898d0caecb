import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ GRAPHQL_INTROSPECTION: 'false' });
});
afterAll(() => app.dispose());

describe('GRAPHQL_INTROSPECTION=false', () => {
  it('refuses introspection but still answers __typename and normal queries', async () => {
    const introspection = await app.graphql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const normal = await app.graphql<{ __typename: string; flavors: { totalCount: number } }>(
      '{ __typename flavors(first: 1) { totalCount } }',
    );
    expect(normal.data?.__typename).toBe('Query');
    expect(normal.data?.flavors.totalCount).toBeGreaterThan(0);
  });

  it('does not serve GraphiQL without introspection', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(await response.text()).not.toContain('Taurine GraphiQL');
  });
});
