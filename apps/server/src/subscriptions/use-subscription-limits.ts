import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isAsyncIterable } from 'graphql-yoga';
import type { ApiKeyService } from '../access/api-keys.ts';
import { apiKeyFromConnectionParams, apiKeyFromHeaders } from '../access/principal.ts';
import type { Principal } from '../access/principal.ts';
import { KEY_REVOKED_REASON } from './live-subscriptions.ts';
import type {
  LiveSubscriptions,
  SubscriptionHolder,
  SubscriptionLease,
} from './live-subscriptions.ts';

/** The parts of an operation's context read here (graphql-ws has `socket`, SSE `request`). */
interface SubscriptionContext {
  principal?: Principal;
  request?: Request;
  connectionParams?: unknown;
  socket?: { close(code: number, reason: string): void };
}

/**
 * Who holds a subscription opened with `context`: the client (key or address), the connection
 * (graphql-ws socket or SSE request), and how to re-check its key and close its socket.
 */
export function holderOf(
  context: object,
  apiKeys: Pick<ApiKeyService, 'authenticate'>,
): SubscriptionHolder {
  const { principal, request, connectionParams, socket } = context as SubscriptionContext;
  const keyId = principal?.kind === 'key' ? principal.keyId : null;
  const rawKey =
    request === undefined
      ? apiKeyFromConnectionParams(connectionParams)
      : apiKeyFromHeaders(request.headers);
  return {
    client:
      principal === undefined
        ? 'ip:unknown'
        : principal.kind === 'key'
          ? `key:${principal.keyId}`
          : `ip:${principal.ip}`,
    connection: socket ?? request ?? context,
    keyId,
    ...(keyId !== null && typeof rawKey === 'string'
      ? {
          recheck: async () => {
            const result = await apiKeys.authenticate(rawKey);
            return result.ok && result.principal.keyId === keyId;
          },
        }
      : {}),
    ...(socket === undefined
      ? {}
      : {
          close: (code: number, reason: string) => {
            socket.close(code, reason);
          },
        }),
  };
}

/** Options of {@link useSubscriptionLimits}. */
export interface SubscriptionLimitsOptions {
  /** The instance's live subscriptions (shared with the graphql-ws server). */
  live: LiveSubscriptions;
  /** Re-checks the key of a subscription on another instance's revocation. */
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
}

/**
 * Bounds subscriptions on every transport. graphql-ws admits an operation before it executes (so
 * a refusal is a graphql-ws `error` message); SSE subscriptions are admitted here and refused with
 * a `SUBSCRIPTION_LIMIT` error (HTTP 429). Every admitted stream is counted against its
 * connection's message budget, ends with an error when its key is revoked, and frees its place
 * when it ends. Register it before the access-control plugin, so this hook runs even when that
 * one refuses the operation (the place is then freed at once).
 */
export function useSubscriptionLimits(options: SubscriptionLimitsOptions): Plugin {
  const { live, apiKeys } = options;
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as object;
      let lease = live.leaseOf(context);
      if (lease === undefined) {
        const admitted = live.admit(context, holderOf(context, apiKeys));
        if (admitted instanceof GraphQLError) {
          setResultAndStopExecution({ errors: [admitted] });
          return;
        }
        lease = admitted;
      }
      const admittedLease = lease;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) {
            setResult(guardStream(result as AsyncIterable<ExecutionResult>, admittedLease, live));
          } else {
            live.release(admittedLease);
          }
        },
      };
    },
  };
}

const budgetError = (perMinute: number): GraphQLError =>
  new GraphQLError(
    `This connection received its ${perMinute} messages per minute; subscribe again later`,
    { extensions: { code: 'RATE_LIMITED' } },
  );

/**
 * The stream as the client receives it: each message costs one token of the connection's budget;
 * when the budget is spent or the lease is ended (key revoked), a last error result is sent and
 * the stream ends. The lease is released however the stream ends.
 */
async function* guardStream(
  source: AsyncIterable<ExecutionResult>,
  lease: SubscriptionLease,
  live: LiveSubscriptions,
): AsyncGenerator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const ended = new Promise<'ended'>((resolve) => {
    if (lease.signal.aborted) resolve('ended');
    lease.signal.addEventListener(
      'abort',
      () => {
        resolve('ended');
      },
      { once: true },
    );
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), ended]);
      if (next === 'ended') {
        yield {
          errors: [
            new GraphQLError(`Subscription ended: ${KEY_REVOKED_REASON}`, {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ],
        };
        return;
      }
      if (next.done === true) return;
      if (!live.takeMessage(lease.holder.connection)) {
        yield { errors: [budgetError(live.limits.messagesPerMinute)] };
        return;
      }
      yield next.value;
    }
  } finally {
    live.release(lease);
    // Not awaited: a generator waiting on a timer would hold up the transport's clean-up.
    iterator.return?.().catch(() => undefined);
  }
}
