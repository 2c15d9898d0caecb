import { afterEach, describe, expect, it } from 'vitest';
import { SWITCHABLE_PLUGINS } from '../config.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const FLAVORS = '{ flavors(first: 5) { edges { node { id name caffeineMg } } } }';

/**
 * The HTTP benchmark's `<plugin> off` rows are only worth their numbers when the server they
 * measure still answers: a switched-off plugin must not turn the query into an error.
 */
describe('TAURINE_DISABLE_PLUGINS (benchmark switches)', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it.each(SWITCHABLE_PLUGINS)('answers the warm flavors query with %s off', async (plugin) => {
    app = await createTestApp({ TAURINE_DISABLE_PLUGINS: plugin });
    const result = await app.graphql<{ flavors: { edges: unknown[] } }>(FLAVORS, undefined, {
      'x-api-key': '',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.flavors.edges).toHaveLength(5);
  });

  it('treats every caller as anonymous with access off: dashboard fields still need a key', async () => {
    app = await createTestApp({ TAURINE_DISABLE_PLUGINS: 'access' });
    const result = await app.graphql('{ snapshot { healthScore } }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
