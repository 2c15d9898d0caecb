import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { openLiveClient } from '../testing/live-client.ts';
import type { LiveClient } from '../testing/live-client.ts';
import { waitUntil } from '../testing/wait-until.ts';

let app: TestApp;
let client: LiveClient;

beforeAll(async () => {
  app = await createTestApp({ COLLECT_INTERVAL_MS: '300', CACHE_WARM_ON_START: 'false' });
  client = openLiveClient(`${(await app.start()).url.replace('http', 'ws')}/graphql`, {
    'x-api-key': app.adminKey,
  });
});
afterAll(async () => {
  await client.dispose();
  await app.dispose();
});

const messagesOf = (error: unknown): string[] =>
  Array.isArray(error) ? error.map((e: { message: string }) => e.message) : [];

describe('a bad subscribe beside good ones on one socket', () => {
  it('answers the bad operation with an error and the others keep streaming', async () => {
    const snapshots = client.subscribe<{ snapshot: { at: string } }>(
      'subscription { snapshot { at } }',
    );
    const clock = client.subscribe<{ serverTime: string }>('subscription { serverTime }');
    await waitUntil(() => snapshots.data.length > 0 && clock.data.length > 0);

    // A syntax error and a document the armor refuses; then a good one on the same socket.
    const syntax = client.subscribe('subscription { snapshot { at }');
    const tooLong = client.subscribe(
      `subscription { snapshot { ${Array.from({ length: 3000 }, () => 'at').join(' ')} } }`,
    );
    const later = client.subscribe('subscription Live { serverTime }');
    await waitUntil(
      () => syntax.error !== undefined && tooLong.error !== undefined && later.data.length > 0,
    );
    expect(messagesOf(syntax.error).join()).toMatch(/Syntax Error/);
    expect(messagesOf(tooLong.error).length).toBeGreaterThan(0);

    // The socket is still open and the good subscriptions go on.
    const seen = { snapshots: snapshots.data.length, clock: clock.data.length };
    await waitUntil(
      () => snapshots.data.length >= seen.snapshots + 2 && clock.data.length >= seen.clock + 1,
    );
    expect(client.closes).toEqual([]);
    expect(snapshots.error).toBeUndefined();
    expect(clock.error).toBeUndefined();
  });
});
