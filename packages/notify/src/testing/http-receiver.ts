import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver saw it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers: a response, or `hang` to never answer (a timeout). */
export type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/** A real HTTP server on 127.0.0.1, port 0, recording what it receives. */
export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
  /** Parsed JSON bodies, in arrival order. */
  bodies<T = unknown>(): T[];
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
  });
}

/**
 * Starts a receiver that records every request and answers with `respond(request, index)`
 * (default: 200 `ok`, what Slack answers).
 */
export async function startHttpReceiver(
  respond: (request: ReceivedRequest, index: number) => Reply | Promise<Reply> = () => ({
    status: 200,
    body: 'ok',
  }),
  path = '/',
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
      const arrived = requests.length;
      void Promise.resolve(respond(request, arrived - 1)).then((reply) => {
        if (reply !== 'hang') {
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body ?? '');
        }
        // Waiters wake once the reply is on its way, as a sender would see it.
        for (const waiter of waiters.filter((entry) => arrived >= entry.count)) waiter.resolve();
      });
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    bodies: <T>() => requests.map((request) => JSON.parse(request.body) as T),
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
    close: () => close(server),
  };
}

/** Answers the scripted replies in order, repeating the last one. */
export function scripted(...replies: Reply[]): (request: ReceivedRequest, index: number) => Reply {
  return (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { status: 200 };
}

/** A receiver that holds every request in flight until `release()`, then answers them. */
export interface GatedReceiver extends HttpReceiver {
  /** Lets the held requests (and every later one) through. */
  release(): void;
}

/** Starts a receiver whose requests wait for `release()` and then get `reply`. */
export async function startGatedReceiver(reply: Reply = { status: 200 }): Promise<GatedReceiver> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const receiver = await startHttpReceiver(async () => {
    await gate;
    return reply;
  });
  return { ...receiver, release };
}

/** A URL on which nothing listens (the port was just released). */
export async function refusedUrl(path = '/'): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return `http://127.0.0.1:${port}${path}`;
}
