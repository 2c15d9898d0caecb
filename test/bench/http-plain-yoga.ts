/**
 * The HTTP benchmark's yardstick: a plain graphql-yoga server answering `{ hello }`, node:http and
 * `createYoga` with nothing else. Run as a child process by `http.bench.ts`; prints its URL the
 * way the real server does (`… serving on http://…`).
 *
 * With `PLAIN_YOGA_BODY=buffer` it takes the two shortcuts Taurine's Node bridge takes: the body
 * is read into a buffer before yoga sees the request (yoga's adapter then skips its web stream and
 * per-request `AbortSignal`), and yoga's own body-size limit is off (it would pipe the body
 * through a `TransformStream`). Yoga as shipped pays for both, which is why Taurine, with more
 * plugins, could answer faster than it: the fair yardstick is this one.
 */
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const bufferBodies = process.env['PLAIN_YOGA_BODY'] === 'buffer';
const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { hello: String! }',
    resolvers: { Query: { hello: () => 'world' } },
  }),
  logging: false,
  ...(bufferBodies ? { maxRequestBodySize: false } : {}),
});

/** The whole body of `req`, as Taurine's bridge reads it (no cap: the benchmark sends its own). */
function readBody(req: IncomingMessage, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => {
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  });
}

const server = createServer((req, res) => {
  if (!bufferBodies || req.method === 'GET' || req.method === 'HEAD') {
    void yoga.handle(req, res);
    return;
  }
  readBody(req, (body) => {
    void yoga.handle(Object.assign(req, { body }), res);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`plain yoga serving on http://127.0.0.1:${port}`);
});
// Exit rather than die of the signal, so `node --cpu-prof` writes its profile (http-profile.ts).
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
