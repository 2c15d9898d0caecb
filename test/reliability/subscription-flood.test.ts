import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { errorCodes, openLiveClient } from '../testing/live-client.ts';
import type { LiveClient, TrackedSubscription } from '../testing/live-client.ts';
import { waitUntil } from '../testing/wait-until.ts';

const SERVER_TIME = 'subscription { serverTime }';
const SNAPSHOT = 'subscription { snapshot { at } }';

let app: TestApp;
let baseUrl: string;
let wsUrl: string;
const clients: LiveClient[] = [];
const open = (params: Record<string, unknown> = {}) => {
  const client = openLiveClient(wsUrl, params);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  app = await createTestApp({
    SUBSCRIPTIONS_PER_CONNECTION: '3',
    SUBSCRIPTIONS_PER_CLIENT: '5',
    COLLECT_INTERVAL_MS: '300',
    CACHE_WARM_ON_START: 'false',
  });
  baseUrl = (await app.start()).url;
  wsUrl = `${baseUrl.replace('http', 'ws')}/graphql`;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app.dispose();
});

const streaming = (subscription: TrackedSubscription<unknown>) => subscription.data.length > 0;
const refused = (subscription: TrackedSubscription<unknown>) =>
  errorCodes(subscription.error).includes('SUBSCRIPTION_LIMIT');

/** Reads an SSE response until `text` shows up or the stream ends; returns what was read. */
async function readUntil(response: Response, text: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let read = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return read;
    read += decoder.decode(value, { stream: true });
    if (read.includes(text)) {
      await reader.cancel();
      return read;
    }
  }
}

describe('a subscription flood from one client', () => {
  it('is refused past the limits while another client keeps streaming and querying', async () => {
    // The flooder: anonymous (serverTime is public), two sockets and an SSE request.
    const first = open();
    const firstSubs = Array.from({ length: 4 }, () => first.subscribe(SERVER_TIME));
    await waitUntil(() => firstSubs.filter(streaming).length === 3 && firstSubs.some(refused));
    const perConnection = firstSubs.find(refused)!.error as { message: string }[];
    expect(perConnection[0]!.message).toMatch(/on this connection \(at most 3\)/);

    const second = open();
    const secondSubs = Array.from({ length: 3 }, () => second.subscribe(SERVER_TIME));
    await waitUntil(() => secondSubs.filter(streaming).length === 2 && secondSubs.some(refused));
    const perClient = secondSubs.find(refused)!.error as { message: string }[];
    expect(perClient[0]!.message).toMatch(/for this client \(at most 5/);

    // Subscriptions over HTTP (SSE) count against the same client.
    const sse = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SERVER_TIME }),
    });
    expect(await readUntil(sse, 'SUBSCRIPTION_LIMIT')).toContain('SUBSCRIPTION_LIMIT');
    // Refused operations never closed the flooder's sockets.
    expect([...first.closes, ...second.closes]).toEqual([]);

    // Another client, with its own key, is served: snapshots, the clock, queries.
    const viewerKey = await app.createKey('viewer', 'dashboard');
    const other = open({ 'x-api-key': viewerKey });
    const snapshots = other.subscribe<{ snapshot: { at: string } }>(SNAPSHOT);
    const clock = other.subscribe<{ serverTime: string }>(SERVER_TIME);
    await waitUntil(() => snapshots.data.length >= 3 && clock.data.length >= 2);
    const query = await app.graphql<{ snapshot: { at: string } }>(
      '{ snapshot { at } }',
      {},
      {
        'x-api-key': viewerKey,
      },
    );
    expect(query.errors).toBeUndefined();
    expect(query.data!.snapshot.at).toEqual(expect.any(String));
    expect(other.closes).toEqual([]);

    // A place freed by the flooder can be taken again (on the same socket: frames are handled in
    // order, so the place is free when the next subscribe arrives).
    secondSubs.find(streaming)!.stop();
    const again = second.subscribe(SERVER_TIME);
    await waitUntil(() => streaming(again));
  });
});

describe('the per-connection message budget', () => {
  it('ends a subscription that would exceed it with RATE_LIMITED, and the socket stays open', async () => {
    const budgeted = await createTestApp({
      SUBSCRIPTION_MESSAGES_PER_MINUTE: '2',
      CACHE_WARM_ON_START: 'false',
    });
    const url = `${(await budgeted.start()).url.replace('http', 'ws')}/graphql`;
    const client = openLiveClient(url);
    try {
      const clock = client.subscribe<{ serverTime: string }>(SERVER_TIME);
      await waitUntil(() => clock.completed);
      expect(clock.data).toHaveLength(2);
      expect(clock.resultErrors.map((error) => error.extensions?.['code'])).toEqual([
        'RATE_LIMITED',
      ]);
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
      await budgeted.dispose();
    }
  });
});
