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

/** A real HTTP server on 127.0.0.1, port 0. */
export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
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

/** Starts a receiver that records every request and answers with `respond(request, index)`. */
export async function startHttpReceiver(
  respond: (request: ReceivedRequest, index: number) => Reply | Promise<Reply>,
  path = '/',
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
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
      void Promise.resolve(respond(request, requests.length - 1)).then((reply) => {
        if (reply === 'hang') return;
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body ?? '');
      });
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}${path}`, requests, close: () => close(server) };
}

/** Answers the scripted replies in order, repeating the last one. */
export function scripted(...replies: Reply[]): (request: ReceivedRequest, index: number) => Reply {
  return (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { status: 200 };
}

/** A URL on which nothing listens (the port was just released). */
export async function refusedUrl(path = '/'): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return `http://127.0.0.1:${port}${path}`;
}
