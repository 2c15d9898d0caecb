import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server that can serve `capacity` requests at once and refuses the rest. */
export interface LimitedCapacityServer {
  url: string;
  /** Most requests it held at once. */
  peakInFlight(): number;
  close(): Promise<void>;
}

/**
 * A GraphQL-looking node:http server with a deliberately limited capacity: it holds each request
 * for `holdMs` and answers `{ "data": { "__typename": "Query" } }`, but a request that arrives
 * while `capacity` are already held gets 503 at once, as an overloaded server behind a proxy does.
 */
export async function startLimitedCapacityServer(options: {
  capacity: number;
  holdMs: number;
}): Promise<LimitedCapacityServer> {
  let inFlight = 0;
  let peak = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (inFlight >= options.capacity) {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: 'over capacity' }] }));
        return;
      }
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        // Counted out before the answer leaves, so a client's next request never finds it held.
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: { __typename: 'Query' } }));
      }, options.holdMs);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => {
          closed();
        });
      }),
  };
}
