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

const revokedError = (): GraphQLError =>
  new GraphQLError(`Subscription ended: ${KEY_REVOKED_REASON}`, {
    extensions: { code: 'UNAUTHENTICATED' },
  });

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The stream as the client receives it: each message costs one token of the connection's budget;
 * when the budget is spent or the lease is ended (key revoked), a last error result is sent and
 * the stream ends. Written by hand rather than as an async generator: a generator's `return()`
 * waits for the pending `next()` (a timer, the next event), while here the place is freed the
 * moment the client completes or its socket closes. Each `next()` races the source with a promise
 * of its own: racing a promise that lives as long as the subscription would chain every delivered
 * message to it, and a dashboard open for a day would keep every snapshot it was sent.
 */
export function guardStream(
  source: AsyncIterable<ExecutionResult>,
  lease: SubscriptionLease,
  live: LiveSubscriptions,
): AsyncIterableIterator<ExecutionResult> & { return(): Promise<IteratorResult<ExecutionResult>> } {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  /** Wakes the pending `next()`: the lease was ended, or the stream was returned. */
  let wake: ((why: 'ended' | 'interrupted') => void) | undefined;
  const onEnded = (): void => {
    wake?.('ended');
  };
  lease.signal.addEventListener('abort', onEnded, { once: true });
  const isFinished = (): boolean => finished;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    live.release(lease);
    lease.signal.removeEventListener('abort', onEnded);
    wake?.('interrupted');
    iterator.return?.().catch(() => undefined);
  };
  const last = (error: GraphQLError): IteratorResult<ExecutionResult> => {
    finish();
    return { done: false, value: { errors: [error] } };
  };
  const stream = {
    [Symbol.asyncIterator]: () => stream,
    async next(): Promise<IteratorResult<ExecutionResult>> {
      if (finished) return DONE;
      if (lease.signal.aborted) return last(revokedError());
      const woken = new Promise<'ended' | 'interrupted'>((resolve) => {
        wake = resolve;
      });
      const next = await Promise.race([iterator.next(), woken]);
      wake = undefined;
      // `return()` may have run while this call waited.
      if (next === 'interrupted' || isFinished()) return DONE;
      if (next === 'ended') return last(revokedError());
      if (next.done === true) {
        finish();
        return DONE;
      }
      if (!live.takeMessage(lease.holder.connection)) {
        return last(budgetError(live.limits.messagesPerMinute));
      }
      return { done: false, value: next.value };
    },
    return(): Promise<IteratorResult<ExecutionResult>> {
      finish();
      return Promise.resolve(DONE);
    },
    throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
      finish();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
  };
  return stream;
}
