import { GraphQLError, OperationTypeNode, getOperationAST } from 'graphql';
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { ApiKeyService } from '../access/api-keys.ts';
import type { TaurineYoga } from '../graphql/taurine-yoga.ts';
import type { LiveSubscriptions } from '../subscriptions/live-subscriptions.ts';
import { holderOf } from '../subscriptions/use-subscription-limits.ts';

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
  /** Admits subscriptions within the instance's limits (see `useSubscriptionLimits`). */
  live: LiveSubscriptions;
  /** Re-checks the keys of open subscriptions. */
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
}

/** What a client gets instead of its operation when something unexpected failed (masked). */
const unexpectedError = () =>
  new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });

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
      // Whatever goes wrong with one operation is that operation's `error` message: a throw here
      // would close the socket (4500) and end every other subscription on it.
      onSubscribe: async (ctx, _id, payload) => {
        try {
          const params = ctx.connectionParams ?? {};
          const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped(
            {
              ...ctx,
              req: ctx.extra.request,
              socket: ctx.extra.socket,
              params: payload,
              sessionId: options.sessionIdFrom(params),
            },
          ) as Enveloped;
          const document = parse(payload.query);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
          const operationName = payload.operationName ?? null;
          const contextValue = (await contextFactory()) as object;
          // Admitted before it runs, so a refusal is this operation's `error` message.
          if (
            getOperationAST(document, operationName)?.operation === OperationTypeNode.SUBSCRIPTION
          ) {
            const admitted = options.live.admit(
              contextValue,
              holderOf(contextValue, options.apiKeys),
            );
            if (admitted instanceof GraphQLError) return [admitted];
          }
          return {
            schema,
            operationName,
            document,
            variableValues: payload.variables ?? null,
            contextValue,
            rootValue: { execute, subscribe } satisfies EnvelopedRoot,
          };
        } catch (error) {
          return [error instanceof GraphQLError ? error : unexpectedError()];
        }
      },
    },
    wss,
  );
  return async () => {
    for (const client of wss.clients) client.close(1001, 'Server shutting down');
    await disposable.dispose();
  };
}
