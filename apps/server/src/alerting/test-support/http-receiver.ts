import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver saw it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers one request. */
export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A real HTTP server on 127.0.0.1, port 0, recording what it receives. */
export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Parsed JSON bodies, in arrival order. */
  bodies<T = unknown>(): T[];
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver answering each request with `respond(request, index)` (default: 200 `ok`). */
export async function startHttpReceiver(
  respond: (request: ReceivedRequest, index: number) => Reply = () => ({ status: 200, body: 'ok' }),
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const reply = respond(request, requests.length - 1);
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body ?? '');
      for (const waiter of waiters.filter((entry) => requests.length >= entry.count)) {
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    // The caller names the shape it expects, as with JSON.parse.

    bodies<T = unknown>() {
      return requests.map((request) => JSON.parse(request.body) as T);
    },
    waitFor(count, timeoutMs = 5000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`expected ${count} requests, got ${requests.length}`));
        }, timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

/** Answers the scripted replies in order, repeating the last one. */
export function scripted(...replies: Reply[]): (request: ReceivedRequest, index: number) => Reply {
  return (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { status: 200 };
}
