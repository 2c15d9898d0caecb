import type { Client as WebSocketClient, Sink } from 'graphql-ws';
import { API_KEY_HEADER, getApiKey } from './api-key.ts';
import { getSessionId } from './session-id.ts';

/**
 * The WebSocket as a person watching the dashboard cares about it: `idle` (nothing subscribed),
 * `connecting` (the first connection), `live`, or `reconnecting` (it dropped and is retrying).
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** What a subscription is sent as. */
export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  extensions?: Record<string, unknown> | undefined;
}

/** How urql's subscriptions reach the server, and the state of that connection. */
export interface SubscriptionTransport {
  subscribe(request: SubscriptionRequest, sink: Sink): () => void;
  getState(): ConnectionState;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  onStateChange(listener: () => void): () => void;
}

/** A tiny observable value, for `useSyncExternalStore`. */
export function createStateStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next: T) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** `ws://` or `wss://` on the page's own origin, so dev (Vite proxy) and production both work. */
export const webSocketUrl = (
  location: Pick<Location, 'protocol' | 'host'>,
  path = '/graphql',
): string => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;

/**
 * graphql-ws, loaded on the first subscription only (the calculator never subscribes, so it never
 * downloads it). Retries for ever with graphql-ws' randomised back-off, and reports its state.
 * `connectionParams` are read at each connection, so a new API key applies on the next one.
 */
export function createWebSocketTransport(path = '/graphql'): SubscriptionTransport {
  const state = createStateStore<ConnectionState>('idle');
  let client: Promise<WebSocketClient> | undefined;
  let active = 0;
  let hasConnected = false;

  const getClient = (): Promise<WebSocketClient> =>
    (client ??= import('graphql-ws').then(({ createClient }) =>
      createClient({
        url: webSocketUrl(window.location, path),
        connectionParams: () => {
          const apiKey = getApiKey();
          return {
            sessionId: getSessionId(),
            ...(apiKey === null ? {} : { [API_KEY_HEADER]: apiKey }),
          };
        },
        lazy: true,
        retryAttempts: Infinity,
        on: {
          connecting: () => {
            state.set(hasConnected ? 'reconnecting' : 'connecting');
          },
          connected: () => {
            hasConnected = true;
            state.set('live');
          },
          closed: () => {
            state.set(active > 0 ? 'reconnecting' : 'idle');
          },
        },
      }),
    ));

  return {
    subscribe(request, sink) {
      let unsubscribe: (() => void) | undefined;
      let closed = false;
      active += 1;
      if (state.get() === 'idle') state.set(hasConnected ? 'reconnecting' : 'connecting');
      getClient().then(
        (ws) => {
          if (!closed) unsubscribe = ws.subscribe({ ...request, query: request.query }, sink);
        },
        (error: unknown) => {
          sink.error(error);
        },
      );
      return () => {
        if (closed) return;
        closed = true;
        active -= 1;
        unsubscribe?.();
      };
    },
    getState: state.get,
    onStateChange: state.subscribe,
  };
}
