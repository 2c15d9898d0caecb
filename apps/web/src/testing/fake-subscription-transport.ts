import type { Sink } from 'graphql-ws';
import { createStateStore } from '../lib/live-connection.ts';
import type {
  ConnectionState,
  SubscriptionRequest,
  SubscriptionTransport,
} from '../lib/live-connection.ts';

/**
 * A subscription transport the test drives: push results to the subscribers of an operation,
 * make them fail, or change the connection state ("reconnecting") as graphql-ws would report it.
 */
export function createFakeTransport(initial: ConnectionState = 'live') {
  const state = createStateStore<ConnectionState>(initial);
  const subscribers = new Map<string, Set<Sink>>();
  const sinksOf = (operationName: string) => subscribers.get(operationName) ?? new Set<Sink>();

  const transport: SubscriptionTransport = {
    subscribe(request: SubscriptionRequest, sink: Sink) {
      const name = request.operationName ?? '';
      const sinks = sinksOf(name);
      sinks.add(sink);
      subscribers.set(name, sinks);
      return () => {
        sinks.delete(sink);
      };
    },
    getState: () => state.get(),
    onStateChange: (listener) => state.subscribe(listener),
  };

  return {
    transport,
    /** Sends `data` to every subscriber of the operation. */
    push(operationName: string, data: unknown) {
      for (const sink of sinksOf(operationName)) sink.next({ data });
    },
    /** Sends GraphQL errors (e.g. `UNAUTHENTICATED`) to every subscriber of the operation. */
    fail(operationName: string, message: string, code?: string) {
      for (const sink of sinksOf(operationName)) {
        sink.next({
          errors: [{ message, extensions: code === undefined ? {} : { code } }],
        });
      }
    },
    setState: (next: ConnectionState) => {
      state.set(next);
    },
    subscriberCount: (operationName: string) => sinksOf(operationName).size,
  };
}
