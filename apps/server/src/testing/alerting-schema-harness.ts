import { parse, subscribe } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { createPubSub, createYoga } from 'graphql-yoga';
import { builder } from '../schema/builder.ts';
import '../schema/date-time.ts';
import '../schema/validation-error.ts';
import '../schema/alert.ts';
import '../schema/alert-event.ts';
import '../schema/alert-rule.ts';
import '../schema/notification-channel.ts';
import '../schema/notification-delivery.ts';
import '../schema/silence.ts';
import type { Principal } from '../access/principal.ts';
import type { AlertChannelEnv } from '../alerting/channel-env.ts';
import { createServiceHarness } from './alerting-service-harness.ts';
import { graphqlRequest } from './graphql-request.ts';
import type { GraphQLResponse } from './graphql-request.ts';
import type { ServiceHarness } from './alerting-service-harness.ts';

/**
 * GraphQL over the alerting schema files alone, backed by a real service on SQLite, a manual clock
 * and a caller of the test's choosing; the whole app's GraphQL is `createTestApp`'s.
 */
export interface SchemaHarness extends Awaited<ReturnType<ServiceHarness['service']>> {
  harness: ServiceHarness;
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<TData>>;
  /** Starts a subscription (already listening when this resolves); `next()` gives each result. */
  subscribe(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ next(): Promise<ExecutionResult> }>;
  cleanup(): Promise<void>;
}

/** Who calls: a principal, and whether the public dashboard is on. @default the harness admin */
export interface Caller {
  principal: Principal;
  publicDashboard?: boolean;
}

export async function createSchemaHarness(
  env: Partial<AlertChannelEnv> = {},
): Promise<SchemaHarness> {
  const harness = await createServiceHarness();
  const pubsub = createPubSub<{ alertEvent: [event: unknown] }>();
  const started = await harness.service(env, {
    publish: (event) => {
      harness.events.push(event);
      pubsub.publish('alertEvent', event);
    },
  });
  const schema = builder.toSchema({ sortSchema: true });
  // The harness calls as an admin; the role checks themselves are tested on the whole app.
  const principal = {
    kind: 'key',
    keyId: 0,
    name: 'harness-admin',
    role: 'admin',
    rateLimitPolicy: null,
    ip: '127.0.0.1',
  } as const;
  const context = (caller: Caller = { principal }) => ({
    services: {
      alerting: started.service,
      pubsub,
      config: { publicDashboard: caller.publicDashboard ?? false },
    },
    principal: caller.principal,
  });
  const callers = new WeakMap<Request, Caller>();
  const iterators: AsyncGenerator<ExecutionResult>[] = [];
  const yoga = createYoga({
    schema,
    context: ({ request }) => context(callers.get(request)) as never,
    maskedErrors: true,
    logging: false,
  });
  return {
    ...started,
    harness,
    async graphql(query, variables, caller) {
      const request = graphqlRequest(query, variables);
      if (caller !== undefined) callers.set(request, caller);
      const response = await yoga.fetch(request);
      return (await response.json()) as never;
    },
    async subscribe(query, variables) {
      const result = await subscribe({
        schema,
        document: parse(query),
        variableValues: variables,
        contextValue: context(),
      });
      if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result.errors));
      iterators.push(result);
      const next = async () => (await result.next()).value as ExecutionResult;
      const first = next();
      // The generator subscribes on its first pull; let that happen before events are made.
      await new Promise((resolve) => setImmediate(resolve));
      let pending: Promise<ExecutionResult> | undefined = first;
      return {
        next: () => {
          const current = pending ?? next();
          pending = undefined;
          return current;
        },
      };
    },
    async cleanup() {
      // A pending `next()` would hold `return()` open: end the iterators without waiting.
      for (const iterator of iterators) void iterator.return(undefined).catch(() => undefined);
      await harness.cleanup();
    },
  };
}
