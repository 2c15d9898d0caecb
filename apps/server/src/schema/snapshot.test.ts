import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
let wsUrl: string;
beforeAll(async () => {
  app = await createTestApp({ COLLECT_INTERVAL_MS: '200' });
  wsUrl = `${(await app.start()).url.replace('http', 'ws')}/graphql`;
});
afterAll(() => app.dispose());

interface SnapshotData {
  snapshot: {
    at: string;
    requests24h: number;
    cacheHitRate: number | null;
    webSocketConnections: number;
    healthScore: number;
  };
}

describe('Subscription.snapshot', () => {
  it('sends the latest snapshot at once, then one per tick that reflects new traffic', async () => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { sessionId: 'dashboard-viewer-1', 'x-api-key': app.adminKey },
    });
    const received: SnapshotData['snapshot'][] = [];
    await new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe<SnapshotData>(
        {
          query:
            'subscription { snapshot { at requests24h cacheHitRate webSocketConnections healthScore } }',
        },
        {
          next: ({ data }) => {
            received.push(data!.snapshot);
            if (received.length === 1) {
              // Traffic between ticks must show up in a later snapshot.
              void app.graphql('{ flavors(first: 1) { totalCount } }');
            }
            if (received.length === 4) {
              unsubscribe();
              resolve();
            }
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await client.dispose();
    const times = received.map((snapshot) => Date.parse(snapshot.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(4);
    expect(received.at(-1)!.requests24h).toBeGreaterThan(received[0]!.requests24h);
    // The catalogue is warmed at start-up, so the flavors query was answered from memory.
    expect(received.at(-1)!.cacheHitRate).toBe(1);
    expect(received.at(-1)!.webSocketConnections).toBe(1);
    expect(received.at(-1)!.healthScore).toBeGreaterThan(0);
  });

  it('answers the latest snapshot as a query too', async () => {
    const result = await app.graphql<{ snapshot: { uptimeSeconds: number } | null }>(
      '{ snapshot { uptimeSeconds } }',
    );
    expect(result.data!.snapshot).not.toBeNull();
  });
});
