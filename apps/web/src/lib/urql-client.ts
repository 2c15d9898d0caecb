import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import type { OperationContext } from '@urql/core';
import { API_KEY_HEADER, getApiKey } from './api-key.ts';
import { withLocalStorageCache } from './browser-cache/cached-fetch.ts';
import { localStorageCache } from './browser-cache/local-storage-cache.ts';
import type { LocalStorageCache } from './browser-cache/local-storage-cache.ts';
import { createWebSocketTransport } from './live-connection.ts';
import type { ConnectionState, SubscriptionTransport } from './live-connection.ts';
import { getSessionId } from './session-id.ts';

const GRAPHQL_PATH = '/graphql';

/**
 * Headers every HTTP operation carries: yoga's CSRF guard for GETs, the visitor id, and the API key
 * when one is set (read per request, so a new key applies at once).
 */
const requestInit = (): RequestInit => {
  const apiKey = getApiKey();
  return {
    headers: {
      'x-graphql-yoga-csrf': '1',
      'x-session-id': getSessionId(),
      ...(apiKey === null ? {} : { [API_KEY_HEADER]: apiKey }),
    },
  };
};

const transports = new WeakMap<Client, SubscriptionTransport>();

export interface UrqlClientOptions {
  /** The network; component tests answer from fixtures. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** How subscriptions travel. @default graphql-ws on `/graphql`, loaded on first use */
  transport?: SubscriptionTransport;
  /** The localStorage tier in front of the calculator's catalogue queries; null for none. */
  localCache?: LocalStorageCache | null;
}

/**
 * Builds the urql client: document cache, WebSocket subscriptions, and HTTP for the rest (short
 * queries as GET, which the localStorage tier, the Service Worker and browsers can cache).
 */
export function createUrqlClient(options: UrqlClientOptions = {}): Client {
  const transport = options.transport ?? createWebSocketTransport(GRAPHQL_PATH);
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const localCache = options.localCache === undefined ? localStorageCache : options.localCache;
  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: 'within-url-limit',
    fetchOptions: requestInit,
    fetch: localCache === null ? baseFetch : withLocalStorageCache(baseFetch, localCache),
    exchanges: [
      cacheExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: transport.subscribe(
              {
                query: request.query ?? '',
                variables: request.variables as Record<string, unknown> | undefined,
                operationName: request.operationName,
                extensions: request.extensions,
              },
              sink,
            ),
          }),
        }),
      }),
      // Queries go by the hash codegen put in each document (`persisted-documents.json` on the
      // server): short GET URLs the Service Worker can cache, and compatible with the server's
      // allow-list mode. Unknown hashes fall back to the full document.
      persistedExchange({
        preferGetForPersistedQueries: 'within-url-limit',
        generateHash: (query, document) => {
          const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
          return hash ? Promise.resolve(hash.replace(/^sha256:/, '')) : sha256Hex(query);
        },
      }),
      fetchExchange,
    ],
  });
  transports.set(client, transport);
  return client;
}

/** The live connection behind a client's subscriptions. */
export function connectionOf(
  client: Client,
): Pick<SubscriptionTransport, 'getState' | 'onStateChange'> {
  return (
    transports.get(client) ?? {
      getState: (): ConnectionState => 'idle',
      onStateChange: () => () => undefined,
    }
  );
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

/** SHA-256 of a document's text, for documents that did not come from codegen. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
