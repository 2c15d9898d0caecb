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

/** The longest wait between two reconnection attempts. */
export const MAX_RETRY_DELAY_MS = 15_000;

/**
 * Waits before reconnection attempt `retries` (0, 1, …): 1 s, 2 s, 4 s … up to
 * {@link MAX_RETRY_DELAY_MS}, plus up to 1 s of jitter so that many screens do not come back at
 * once. graphql-ws' default doubles for ever, so a wall screen whose server was down for ten
 * minutes would wait another quarter of an hour.
 */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(1000 * 2 ** retries, MAX_RETRY_DELAY_MS) + Math.floor(random() * 1000);
}

/**
 * graphql-ws, loaded on the first subscription only (the calculator never subscribes, so it never
 * downloads it). Retries for ever with a capped back-off ({@link retryDelayMs}) and re-subscribes
 * what was running, so a dashboard recovers by itself from a server restart; reports its state.
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
        retryWait: (retries) =>
          new Promise<void>((done) => {
            setTimeout(done, retryDelayMs(retries));
          }),
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
      let retry: ReturnType<typeof setTimeout> | undefined;
      let closed = false;
      let retries = 0;
      active += 1;
      if (state.get() === 'idle') state.set(hasConnected ? 'reconnecting' : 'connecting');
      // The app's subscriptions are endless streams. A server shutting down ends them before it
      // closes the socket, and graphql-ws gives up on a subscription when its socket cannot be
      // opened (the server still down): either way the page still shows this one, so it
      // subscribes again with the back-off until the server is back. GraphQL errors (a refused
      // key, a bad document) are the page's to show and end it.
      const resubscribe = (ws: WebSocketClient) => {
        state.set('reconnecting');
        retry = setTimeout(() => {
          if (!closed) start(ws);
        }, retryDelayMs(retries));
        retries += 1;
      };
      const start = (ws: WebSocketClient) => {
        unsubscribe = ws.subscribe(
          { ...request, query: request.query },
          {
            next: (value) => {
              retries = 0;
              sink.next(value);
            },
            error: (error) => {
              if (closed) return;
              if (Array.isArray(error)) sink.error(error);
              else resubscribe(ws);
            },
            complete: () => {
              if (!closed) resubscribe(ws);
            },
          },
        );
      };
      getClient().then(
        (ws) => {
          if (!closed) start(ws);
        },
        (error: unknown) => {
          sink.error(error);
        },
      );
      return () => {
        if (closed) return;
        closed = true;
        active -= 1;
        clearTimeout(retry);
        unsubscribe?.();
      };
    },
    getState: state.get,
    onStateChange: state.subscribe,
  };
}
