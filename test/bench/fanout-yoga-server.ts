/**
 * The baseline of the fan-out benchmark: a plain graphql-yoga server with graphql-ws (yoga's own
 * recipe: node:http, `createYoga`, `useServer` over `getEnveloped`), run in a child process by
 * `fanout.bench.ts`. `subscription { snapshot { at data } }` yields the latest object at once, then
 * one per tick of `FANOUT_INTERVAL_MS`; `data` pads each message to `FANOUT_PAYLOAD_BYTES` of
 * JSON, the size of a Taurine snapshot message. `at` is the publish instant on the wall clock.
 * Prints `serving on <url>` once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPubSub, createSchema, createYoga } from 'graphql-yoga';
import type { DocumentNode, ExecutionArgs, GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

interface Blob {
  at: number;
  data: string;
}

const intervalMs = Number(process.env.FANOUT_INTERVAL_MS ?? 2000);
const payloadBytes = Number(process.env.FANOUT_PAYLOAD_BYTES ?? 1000);

/** Pads `data` so that `{"data":{"snapshot":{"at":…,"data":"…"}}}` is `payloadBytes` long. */
function blob(at: number): Blob {
  const bare = JSON.stringify({ data: { snapshot: { at, data: '' } } }).length;
  return { at, data: 'x'.repeat(Math.max(0, payloadBytes - bare)) };
}

const pubsub = createPubSub<{ snapshot: [Blob] }>();
let latest = blob(Date.now());

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Blob {
        at: Float!
        data: String!
      }
      type Query {
        latest: Blob!
      }
      type Subscription {
        snapshot: Blob!
      }
    `,
    resolvers: {
      Query: { latest: () => latest },
      Subscription: {
        snapshot: {
          subscribe: async function* () {
            const updates = pubsub.subscribe('snapshot');
            try {
              yield latest;
              for await (const update of updates) yield update;
            } finally {
              await updates.return();
            }
          },
          resolve: (update: Blob) => update,
        },
      },
    },
  }),
  logging: false,
});

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** What `yoga.getEnveloped` hands back, typed for the parts used here. */
interface Enveloped extends EnvelopedRoot {
  schema: GraphQLSchema;
  contextFactory: () => Promise<unknown>;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
}

const server = createServer((request, response) => void yoga(request, response));
server.maxConnections = 1_000_000;
const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
useServer(
  {
    execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
    subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
    onSubscribe: async (ctx, _id, params) => {
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        ...ctx,
        req: ctx.extra.request,
        socket: ctx.extra.socket,
        params,
      }) as Enveloped;
      const document = parse(params.query);
      const errors = validate(schema, document);
      if (errors.length > 0) return errors;
      return {
        schema,
        operationName: params.operationName ?? null,
        document,
        variableValues: params.variables ?? null,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe } satisfies EnvelopedRoot,
      };
    },
  },
  wss,
);

setInterval(() => {
  latest = blob(Date.now());
  pubsub.publish('snapshot', latest);
}, intervalMs);

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`plain yoga serving on http://127.0.0.1:${port}`);
});
