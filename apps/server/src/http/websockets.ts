import { GraphQLError } from 'graphql';
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { TaurineYoga } from '../app.ts';

/** What `yoga.getEnveloped` hands back, typed for the parts used here. */
interface Enveloped {
  schema: GraphQLSchema;
  execute: EnvelopedRoot['execute'];
  subscribe: EnvelopedRoot['subscribe'];
  contextFactory: () => Promise<unknown>;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
}

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

export interface WebSocketOptions {
  /** Reads the visitor id from `connectionParams`. */
  sessionIdFrom: (params: Record<string, unknown>) => string | null;
}

/**
 * Serves graphql-ws on the same path as HTTP GraphQL. Every operation goes through yoga's envelop
 * (the same plugins, context and masked errors as HTTP). Returns a function that closes all sockets.
 */
export function attachGraphQLWebSockets(
  wss: WebSocketServer,
  yoga: TaurineYoga,
  options: WebSocketOptions,
): () => Promise<void> {
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const params = ctx.connectionParams ?? {};
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          sessionId: options.sessionIdFrom(params),
        }) as Enveloped;
        // A syntax error (or a document armor refuses while parsing) is this operation's error,
        // as HTTP answers 400: thrown, graphql-ws would close the socket with 4500 and end every
        // other subscription on it.
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const contextValue = await contextFactory();
        return {
          schema,
          operationName: payload.operationName ?? null,
          document,
          variableValues: payload.variables ?? null,
          contextValue,
          rootValue: { execute, subscribe } satisfies EnvelopedRoot,
        };
      },
    },
    wss,
  );
  return async () => {
    for (const client of wss.clients) client.close(1001, 'Server shutting down');
    await disposable.dispose();
  };
}
