import type { Client } from '@urql/core';
import type { LocalStorageCache } from '../lib/browser-cache/local-storage-cache.ts';
import type { SubscriptionTransport } from '../lib/live-connection.ts';
import { createUrqlClient } from '../lib/urql-client.ts';

/** Computes an operation's `data` from its variables. */
export type FixtureResolver = (variables: Record<string, unknown>) => unknown;

/** A fixture answer with GraphQL errors instead of data (e.g. `UNAUTHENTICATED`). */
export class FixtureErrors {
  constructor(readonly errors: { message: string; extensions?: Record<string, unknown> }[]) {}
}

/** One request the client sent, decoded. */
export interface RecordedRequest {
  operationName: string;
  variables: Record<string, unknown>;
  method: string;
  headers: Headers;
  keepalive: boolean;
}

/**
 * The app's own urql client (same exchanges, headers and GET/POST choice) whose network is a table
 * of fixtures by operation name: each is the `data` to answer with, or a {@link FixtureResolver}.
 * Operations without a fixture fail like a server error would.
 */
export function createFixtureClient(
  fixtures: Record<string, unknown>,
  options: {
    /** Subscriptions; see `createFakeTransport`. @default one that never delivers */
    transport?: SubscriptionTransport;
    /** The localStorage tier in front of the catalogue queries. @default none */
    localCache?: LocalStorageCache | null;
  } = {},
): {
  client: Client;
  requests: RecordedRequest[];
  requestsFor: (operationName: string) => RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];

  const fixtureFetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    let operationName: string;
    let variables: Record<string, unknown>;
    if (method === 'GET') {
      operationName = url.searchParams.get('operationName') ?? '';
      variables = JSON.parse(url.searchParams.get('variables') ?? '{}') as Record<string, unknown>;
    } else {
      const body = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as {
        operationName?: string;
        variables?: Record<string, unknown>;
      };
      operationName = body.operationName ?? '';
      variables = body.variables ?? {};
    }
    requests.push({
      operationName,
      variables,
      method,
      headers: new Headers(init.headers),
      keepalive: init.keepalive === true,
    });

    const fixture = fixtures[operationName];
    const answer =
      typeof fixture === 'function' ? (fixture as FixtureResolver)(variables) : fixture;
    const payload =
      fixture === undefined
        ? { errors: [{ message: `No fixture for ${operationName}` }] }
        : answer instanceof FixtureErrors
          ? { errors: answer.errors }
          : { data: answer };
    return Promise.resolve(
      new Response(JSON.stringify(payload), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };

  return {
    client: createUrqlClient({
      fetch: fixtureFetch,
      transport: options.transport ?? {
        subscribe: () => () => undefined,
        getState: () => 'connecting',
        onStateChange: () => () => undefined,
      },
      localCache: options.localCache ?? null,
    }),
    requests,
    requestsFor: (operationName) =>
      requests.filter((request) => request.operationName === operationName),
  };
}
