import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ FIELD_TIMING_SAMPLE_PERCENT: '100' });
});
afterAll(() => app.dispose());

const FLAVORS_WITH_SUPPLIERS =
  'query FlavorsWithSuppliers { flavors(first: 25) { edges { node { name supplier { name } } } } }';

describe('useFieldTiming', () => {
  it('times resolvers per field, counts calls per operation and sizes the response', async () => {
    const response = await app.graphql(FLAVORS_WITH_SUPPLIERS);
    expect(response.errors).toBeUndefined();
    const { registry } = app.services.metrics;
    expect(registry.stats('graphql.fieldTime', { field: 'Query.flavors' }).count).toBe(1);
    const supplierCalls = registry.stats('graphql.fieldCalls', { field: 'Flavor.supplier' });
    expect(supplierCalls.count).toBe(1);
    expect(supplierCalls.max).toBe(25);
    // Default resolvers (`Flavor.name`) are not timed: they only read a property.
    expect(registry.stats('graphql.fieldTime', { field: 'Flavor.name' }).count).toBe(0);
    const size = registry.stats('api.responseSize', { operation: 'FlavorsWithSuppliers' });
    expect(size.count).toBe(1);
    expect(size.max! * 1_048_576).toBeGreaterThan(500);
  });

  it('turns 25 identical resolver calls in one operation into an N+1 suggestion', async () => {
    await app.graphql(FLAVORS_WITH_SUPPLIERS);
    const { data } = await app.graphql<{
      suggestions: {
        id: string;
        chartLink: string;
        evidence: { label: string; value: number }[];
      }[];
    }>('{ suggestions { id chartLink evidence { label value } } }');
    const found = data!.suggestions.find((s) => s.id === 'nPlusOne:Flavor.supplier');
    expect(found?.evidence[0]).toEqual({ label: 'calls per operation (p95)', value: 25 });
    expect(found?.chartLink).toBe('/monitoring?metric=graphql.fieldCalls&field=Flavor.supplier');
  });

  it('times nothing at a sample rate of 0', async () => {
    const quiet = await createTestApp({ FIELD_TIMING_SAMPLE_PERCENT: '0' });
    try {
      await quiet.graphql(FLAVORS_WITH_SUPPLIERS);
      expect(quiet.services.metrics.registry.stats('graphql.fieldTime').count).toBe(0);
    } finally {
      await quiet.dispose();
    }
  });
});
