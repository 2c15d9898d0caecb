import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  // Caches warmed at start, as under `npm start`.
  app = await createTestApp({ CACHE_WARM_ON_START: 'true' });
});
afterAll(() => app.dispose());

interface HeapState {
  alertRules: { id: string; name: string; metric: string; threshold: number }[];
  alerts: { edges: { node: { ruleId: string; status: string } }[] };
  ratio: { max: number | null };
  heapMB: { max: number | null };
}

describe('the built-in heap rule on a healthy server', () => {
  it('compares the heap with its limit and stays quiet with the caches full', async () => {
    for (let i = 0; i < 20; i += 1) {
      await app.graphql('{ flavors(first: 20) { totalCount edges { node { name } } } }');
      await app.graphql('{ ingredients { id } }');
    }
    await app.services.collector.tick();
    await app.services.collector.tick();
    const result = await app.graphql<HeapState>(`{
      alertRules { id name metric threshold }
      alerts(status: [PENDING, FIRING]) { edges { node { ruleId status } } }
      ratio: stats(name: "process.heapUsedRatio", window: LAST_5M) { max }
      heapMB: stats(name: "process.heapUsedMB", window: LAST_5M) { max }
    }`);
    expect(result.errors).toBeUndefined();
    const state = result.data!;
    expect(state.alertRules).toContainEqual({
      id: 'builtin.heap-memory',
      name: 'Heap memory above 80 % of the limit',
      metric: 'process.heapUsedRatio',
      threshold: 0.8,
    });
    // The heap of this process is in the tens of MB (the original rule fired above 40 MB)…
    expect(state.heapMB.max).toBeGreaterThan(0);
    // …a small share of V8's limit, so the rule is neither pending nor firing.
    expect(state.ratio.max).toBeGreaterThan(0);
    expect(state.ratio.max).toBeLessThan(0.8);
    expect(state.alerts.edges.map((edge) => edge.node.ruleId)).not.toContain('builtin.heap-memory');
  });
});
