import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One subscription as a client sees it: what arrived, and how it ended. */
export interface TrackedSubscription<TData> {
  /** Every `next` payload's data, in order. */
  data: TData[];
  /** Errors carried by `next` payloads (a stream may end with one). */
  resultErrors: { message: string; extensions?: Record<string, unknown> }[];
  /** The graphql-ws `error` message (or close event) that ended it, if any. */
  error: unknown;
  completed: boolean;
  /** Completes the subscription from the client. */
  stop(): void;
}

/** A graphql-ws client on its own socket, with the close events it saw. */
export interface LiveClient {
  client: Client;
  /** Close events of the socket (`code`, `reason`). */
  closes: { code: number; reason: string }[];
  subscribe<TData>(query: string, variables?: Record<string, unknown>): TrackedSubscription<TData>;
  dispose(): Promise<void>;
}

/**
 * Opens one graphql-ws socket to `url` (`ws://…/graphql`) with `connectionParams`, never
 * reconnecting, so a test sees exactly what the server did to it.
 */
export function openLiveClient(
  url: string,
  connectionParams: Record<string, unknown> = {},
): LiveClient {
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closes.push({ code, reason });
      },
    },
  });
  return {
    client,
    closes,
    subscribe<TData>(query: string, variables?: Record<string, unknown>) {
      const tracked: TrackedSubscription<TData> = {
        data: [],
        resultErrors: [],
        error: undefined,
        completed: false,
        stop: () => undefined,
      };
      tracked.stop = client.subscribe<TData>(
        { query, ...(variables === undefined ? {} : { variables }) },
        {
          next: (result) => {
            if (result.data !== undefined && result.data !== null) tracked.data.push(result.data);
            for (const error of result.errors ?? []) {
              tracked.resultErrors.push(error);
            }
          },
          error: (error) => {
            tracked.error = error;
          },
          complete: () => {
            tracked.completed = true;
          },
        },
      );
      return tracked;
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** The `extensions.code` values in a graphql-ws `error` message (an array of errors). */
export function errorCodes(error: unknown): unknown[] {
  return Array.isArray(error)
    ? error.map((e: { extensions?: { code?: unknown } }) => e.extensions?.code)
    : [];
}
