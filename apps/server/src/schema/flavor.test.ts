import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flavors as catalogue } from '@taurine/calculator';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

interface FlavorsData {
  flavors: {
    edges: {
      cursor: string;
      node: { id: string; name: string; category: string; caffeineMg: number };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

const FLAVORS = /* GraphQL */ `
  query Flavors($first: Int, $after: String, $filter: FlavorFilter) {
    flavors(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          name
          category
          caffeineMg
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

describe('Query.flavors', () => {
  it('pages through every active flavor with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: { data?: FlavorsData } = await app.graphql<FlavorsData>(FLAVORS, {
        first: 7,
        after,
      });
      const connection = result.data!.flavors;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const active = catalogue.filter((flavor) => flavor.active);
    expect(seen).toHaveLength(active.length);
    expect(new Set(seen).size).toBe(active.length);
  });

  it('filters by category and maximum caffeine', async () => {
    const result = await app.graphql<FlavorsData>(FLAVORS, {
      first: 100,
      filter: { category: 'SUGAR_FREE', maxCaffeineMg: 100 },
    });
    const nodes = result.data!.flavors.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.category).toBe('SUGAR_FREE');
      expect(node.caffeineMg).toBeLessThanOrEqual(100);
    }
    expect(result.data!.flavors.totalCount).toBe(nodes.length);
  });

  it('searches names case-insensitively', async () => {
    const someFlavor = catalogue.find((flavor) => flavor.active)!;
    const result = await app.graphql<FlavorsData>(FLAVORS, {
      filter: { search: someFlavor.name.toUpperCase() },
    });
    expect(result.data!.flavors.edges.map((edge) => edge.node.id)).toContain(someFlavor.id);
  });

  it('rejects a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    const forged = await app.graphql(FLAVORS, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await app.graphql(FLAVORS, { first: 10_000 });
    expect(huge.errors?.[0]?.message).toMatch(/first must be between 0 and 100/);
  });

  it('returns one flavor by id and null for an unknown id', async () => {
    const id = catalogue[0]!.id;
    const found = await app.graphql<{ flavor: { name: string } | null }>(
      'query($id: ID!) { flavor(id: $id) { name } }',
      { id },
    );
    expect(found.data!.flavor?.name).toBe(catalogue[0]!.name);
    const missing = await app.graphql<{ flavor: null }>('query { flavor(id: "no-such") { name } }');
    expect(missing.data!.flavor).toBeNull();
  });
});
