import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import type { OperationContext } from '@urql/core';
import type { Client as WebSocketClient } from 'graphql-ws';
import { getSessionId } from './session-id.ts';

const GRAPHQL_PATH = '/graphql';

/** Headers every HTTP operation carries: yoga's CSRF guard for GETs and the visitor id. */
const requestInit = (): RequestInit => ({
  headers: { 'x-graphql-yoga-csrf': '1', 'x-session-id': getSessionId() },
});

/** `ws://` or `wss://` on the page's own origin, so dev (Vite proxy) and production both work. */
export const webSocketUrl = (location: Pick<Location, 'protocol' | 'host'>): string =>
  `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;

let webSocketClient: Promise<WebSocketClient> | undefined;

/**
 * graphql-ws is loaded on the first subscription only: the calculator never subscribes, so its
 * route does not pay for the WebSocket client.
 */
const getWebSocketClient = (): Promise<WebSocketClient> =>
  (webSocketClient ??= import('graphql-ws').then(({ createClient }) =>
    createClient({
      url: webSocketUrl(window.location),
      connectionParams: { sessionId: getSessionId() },
      lazy: true,
      retryAttempts: Infinity,
    }),
  ));

/**
 * Builds the urql client: document cache, WebSocket subscriptions, and HTTP for the rest (short
 * queries as GET, which browsers and the Service Worker can cache). `fetch` is replaceable so
 * component tests can answer with fixtures while keeping this exact configuration.
 */
export function createUrqlClient(options: { fetch?: typeof fetch } = {}): Client {
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: 'within-url-limit',
    fetchOptions: requestInit,
    fetch: options.fetch,
    exchanges: [
      cacheExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            let unsubscribe: (() => void) | undefined;
            let closed = false;
            getWebSocketClient().then(
              (ws) => {
                if (!closed)
                  unsubscribe = ws.subscribe({ ...request, query: request.query ?? '' }, sink);
              },
              (error: unknown) => {
                sink.error(error);
              },
            );
            return {
              unsubscribe: () => {
                closed = true;
                unsubscribe?.();
              },
            };
          },
        }),
      }),
      fetchExchange,
    ],
  });
}

/** The app's one urql client. */
export const client = createUrqlClient();

/**
 * Context for a request that must outlive the page (an affiliate click right before navigation):
 * `keepalive` lets the browser finish it after unload, like `navigator.sendBeacon`, while it still
 * goes through /graphql as JSON with the usual headers.
 */
export const keepaliveContext: Partial<OperationContext> = {
  fetchOptions: () => ({ ...requestInit(), keepalive: true }),
};
