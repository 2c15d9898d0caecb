import type { Client } from '@urql/core';
import { createUrqlClient } from '../lib/urql-client.ts';

/** Computes an operation's `data` from its variables. */
export type FixtureResolver = (variables: Record<string, unknown>) => unknown;

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
export function createFixtureClient(fixtures: Record<string, unknown>): {
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
    const payload =
      fixture === undefined
        ? { errors: [{ message: `No fixture for ${operationName}` }] }
        : {
            data: typeof fixture === 'function' ? (fixture as FixtureResolver)(variables) : fixture,
          };
    return Promise.resolve(
      new Response(JSON.stringify(payload), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };

  return {
    client: createUrqlClient({ fetch: fixtureFetch }),
    requests,
    requestsFor: (operationName) =>
      requests.filter((request) => request.operationName === operationName),
  };
}
