/**
 * The HTTP benchmark's yardstick: a plain graphql-yoga server answering `{ hello }`, node:http and
 * `createYoga` with nothing else. Run as a child process by `http.bench.ts`; prints its URL the
 * way the real server does (`… serving on http://…`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { hello: String! }',
    resolvers: { Query: { hello: () => 'world' } },
  }),
  logging: false,
});
const server = createServer((req, res) => {
  void yoga.handle(req, res);
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
