import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { SharedSubscriptionResults } from './shared-results.ts';

const SNAPSHOT = 'subscription { snapshot { at healthScore requests24h activeAlerts { name } } }';

/** One dashboard on its own socket: what it received, and how its socket ended. */
interface Dashboard {
  client: Client;
  received: unknown[];
  errors: unknown[];
  closed: { code: number; reason: string } | null;
}

let app: TestApp;
let wsUrl: string;
beforeAll(async () => {
  // Ticks only when a test runs one, so every tick is counted.
  app = await createTestApp({ COLLECT_INTERVAL_MS: '3600000' });
  wsUrl = `${(await app.start()).url.replace('http', 'ws')}/graphql`;
  await app.services.collector.tick();
});
afterAll(() => app.dispose());

function openDashboard(apiKey: string | null, query = SNAPSHOT): Dashboard {
  const dashboard: Dashboard = {
    client: createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: apiKey === null ? {} : { 'x-api-key': apiKey },
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          dashboard.closed = { code, reason };
        },
      },
    }),
    received: [],
    errors: [],
    closed: null,
  };
  dashboard.client.subscribe(
    { query },
    {
      next: (result) => dashboard.received.push(result),
      error: (error) => dashboard.errors.push(error),
      complete: () => undefined,
    },
  );
  return dashboard;
}

describe('subscription results shared across subscribers', () => {
  it('executes a snapshot once per tick and role, and every subscriber gets the same payload', async () => {
    const shared = app.services.subscriptionResults;
    const viewers = [
      openDashboard(await app.createKey('viewer', 'wall-1')),
      openDashboard(await app.createKey('viewer', 'wall-2')),
    ];
    const operator = openDashboard(await app.createKey('operator', 'ops'));
    const anonymous = openDashboard(null);
    const dashboards = [...viewers, operator];
    // The latest snapshot at once: one execution per role however many subscribed.
    await expect.poll(() => dashboards.every((d) => d.received.length === 1)).toBe(true);
    // Refused at subscribe time as before: one result carrying the error, no snapshot.
    await expect.poll(() => anonymous.received.length + anonymous.errors.length).toBe(1);
    expect(JSON.stringify(anonymous.received[0] ?? anonymous.errors[0])).toContain(
      'UNAUTHENTICATED',
    );

    for (let tick = 2; tick <= 3; tick += 1) {
      const before = shared.executions;
      await app.services.collector.tick();
      await expect.poll(() => dashboards.every((d) => d.received.length === tick)).toBe(true);
      // Two roles (viewer, operator) saw the tick: two executions, not three.
      expect(shared.executions - before).toBe(2);
      const payloads = dashboards.map((d) => JSON.stringify(d.received[tick - 1]));
      expect(new Set(payloads).size).toBe(1);
      expect(payloads[0]).not.toContain('errors');
    }
    expect(anonymous.received.length + anonymous.errors.length).toBe(1);
    for (const d of [...dashboards, anonymous]) void d.client.dispose();
  });

  it('still ends a revoked key on its own while the others sharing its results go on', async () => {
    const keys = [await app.createKey('viewer', 'tv-1'), await app.createKey('viewer', 'tv-2')];
    const [revoked, kept] = keys.map((key) => openDashboard(key)) as [Dashboard, Dashboard];
    await expect.poll(() => revoked.received.length + kept.received.length).toBe(2);

    const [listed] = (await app.services.apiKeys.list()).filter((key) => key.name === 'tv-1');
    await app.services.apiKeys.revoke(listed!.id);
    await expect.poll(() => revoked.closed?.code).toBe(4403);

    await app.services.collector.tick();
    await expect.poll(() => kept.received.length).toBe(2);
    expect(revoked.received).toHaveLength(1);
    for (const d of [revoked, kept]) void d.client.dispose();
  });
});

describe('SharedSubscriptionResults on a schema of its own', () => {
  /** Every subscriber's stream yields the same event objects, as the pub/sub does. */
  const events = [{ value: 1 }, { value: 2 }];
  let resolverRuns = 0;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: GraphQLInt,
          args: { times: { type: GraphQLInt } },
          subscribe: async function* () {
            for (const event of events) yield await Promise.resolve(event);
          },
          resolve: (event: { value: number }, { times }: { times: number }) => {
            resolverRuns += 1;
            return event.value * times;
          },
        },
      },
    }),
  });
  const document = parse('subscription ($times: Int) { tick(times: $times) }');
  const contextOf = (role: string) => ({ principal: { kind: 'key', role } });

  async function collect(result: unknown): Promise<unknown[]> {
    const values: unknown[] = [];
    for await (const item of result as AsyncIterable<{ data: unknown }>) values.push(item.data);
    return values;
  }

  it('runs the resolver once per event for subscribers of one document, variables and role', async () => {
    const shared = new SharedSubscriptionResults();
    resolverRuns = 0;
    const subscribe = (role: string, times: number) =>
      shared.subscribe({
        schema,
        document,
        variableValues: { times },
        contextValue: contextOf(role),
      });
    const streams = await Promise.all([
      subscribe('viewer', 10),
      subscribe('viewer', 10),
      subscribe('viewer', 10),
    ]);
    const received = await Promise.all(streams.map(collect));
    expect(received).toEqual([
      [{ tick: 10 }, { tick: 20 }],
      [{ tick: 10 }, { tick: 20 }],
      [{ tick: 10 }, { tick: 20 }],
    ]);
    expect(resolverRuns).toBe(2);

    // Other variables or another role: results of their own.
    const others = await Promise.all([subscribe('viewer', 100), subscribe('admin', 10)]);
    expect(await Promise.all(others.map(collect))).toEqual([
      [{ tick: 100 }, { tick: 200 }],
      [{ tick: 10 }, { tick: 20 }],
    ]);
    expect(resolverRuns).toBe(6);
  });

  it('shares nothing for an operation without a principal', async () => {
    const shared = new SharedSubscriptionResults();
    resolverRuns = 0;
    const streams = await Promise.all(
      [1, 2].map(() =>
        shared.subscribe({ schema, document, variableValues: { times: 1 }, contextValue: {} }),
      ),
    );
    await Promise.all(streams.map(collect));
    expect(resolverRuns).toBe(4);
  });
});
