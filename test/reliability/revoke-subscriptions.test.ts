import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppPair } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { openLiveClient } from '../testing/live-client.ts';
import type { LiveClient } from '../testing/live-client.ts';
import { waitUntil } from '../testing/wait-until.ts';

let first: TestApp;
let second: TestApp;
let firstUrl: string;
let secondUrl: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  const env = { COLLECT_INTERVAL_MS: '300', CACHE_WARM_ON_START: 'false' };
  [first, second] = await createTestAppPair(env);
  firstUrl = (await first.start()).url;
  secondUrl = (await second.start()).url;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await second.dispose();
  await first.dispose();
});

const SNAPSHOT = 'subscription { snapshot { at } }';

describe('revoking a key', () => {
  it('closes its subscriptions on this instance at once and on the other one soon after', async () => {
    const { key, apiKey } = await first.services.apiKeys.create({
      name: 'wallboard',
      role: 'viewer',
      createdBy: 'test',
    });
    const otherKey = await first.createKey('viewer', 'still-valid');
    const open = (url: string, apiKeyParam: string) => {
      const client = openLiveClient(`${url.replace('http', 'ws')}/graphql`, {
        'x-api-key': apiKeyParam,
      });
      clients.push(client);
      return client;
    };
    const here = open(firstUrl, key);
    const there = open(secondUrl, key);
    const unaffected = open(firstUrl, otherKey);
    const subscriptions = [here, there, unaffected].map((client) => client.subscribe(SNAPSHOT));
    // The same key over SSE on the first instance.
    const sse = await fetch(`${firstUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-api-key': key,
      },
      body: JSON.stringify({ query: SNAPSHOT }),
    });
    const reader = sse.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('snapshot');
    await waitUntil(() => subscriptions.every((subscription) => subscription.data.length > 0));

    const revoked = await first.graphql<{ revokeApiKey: { __typename: string } }>(
      'mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }',
      { id: String(apiKey.id) },
    );
    expect(revoked.data?.revokeApiKey.__typename).toBe('ApiKey');

    // This instance closes the key's socket with a clear code and reason, and ends its SSE stream.
    await waitUntil(() => here.closes.length > 0);
    expect(here.closes).toEqual([{ code: 4403, reason: 'invalid or revoked key' }]);
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toContain('invalid or revoked key');

    // The other instance follows through its key cache.
    await waitUntil(() => there.closes.length > 0);
    expect(there.closes).toEqual([{ code: 4403, reason: 'invalid or revoked key' }]);

    // Another key's subscription goes on.
    const seen = subscriptions[2]!.data.length;
    await waitUntil(() => subscriptions[2]!.data.length > seen);
    expect(unaffected.closes).toEqual([]);
  });
});
