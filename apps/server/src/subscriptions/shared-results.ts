import { createSourceEventStream, execute } from 'graphql';
import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isAsyncIterable, mapAsyncIterator } from 'graphql-yoga';
import type { Principal } from '../access/principal.ts';

type MaybePromise<T> = T | Promise<T>;

/**
 * What an operation's result may depend on besides its document, variables and event: the role
 * of the caller (`anonymous` without a key). Fields resolve by role (scope checks, masked
 * channel names), never by who in particular is asking. Null: do not share this operation.
 */
export function visibilityOf(context: unknown): string | null {
  const principal = (context as { principal?: Principal } | null)?.principal;
  if (principal === undefined) return null;
  return principal.kind === 'key' ? principal.role : 'anonymous';
}

/**
 * Subscription results computed once per event and shared by every subscriber of the same
 * document, variables and role. A published event (a dashboard snapshot, an alert event) is one
 * object that every subscriber's stream yields; executing the selection on it once per distinct
 * (document, variables, role) instead of once per subscriber is what makes a tick cost the same
 * for 10 dashboards and for 10,000. Each subscriber keeps its own source stream, so its own
 * authorisation at subscribe time, subscription limits, message budget and revocation apply as
 * before; only the execution of an event is shared.
 */
export class SharedSubscriptionResults {
  #executions = 0;
  #nextDocumentId = 0;
  readonly #documentIds = new WeakMap<DocumentNode, number>();
  /** Results by event, then by operation key; dropped with the event. */
  readonly #results = new WeakMap<object, Map<string, MaybePromise<ExecutionResult>>>();
  readonly #visibilityOf: (context: unknown) => string | null;

  constructor(visibility: (context: unknown) => string | null = visibilityOf) {
    this.#visibilityOf = visibility;
  }

  /** Events executed so far (each shared result counts once, however many received it). */
  get executions(): number {
    return this.#executions;
  }

  /**
   * Subscribes like graphql-js, but maps each event through {@link resultFor}: the function a
   * yoga plugin hands to envelop (`setSubscribeFn`).
   */
  readonly subscribe = async (
    args: ExecutionArgs,
  ): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = this.#keyOf(args);
    return mapAsyncIterator(source, (event) =>
      this.resultFor(event, key, () => execute({ ...args, rootValue: event })),
    );
  };

  /** The result of `run` on `event` for operation `key`, executed once per event and key. */
  resultFor(
    event: unknown,
    key: string | null,
    run: () => MaybePromise<ExecutionResult>,
  ): MaybePromise<ExecutionResult> {
    if (key === null || typeof event !== 'object' || event === null) {
      this.#executions += 1;
      return run();
    }
    let byKey = this.#results.get(event);
    if (byKey === undefined) {
      byKey = new Map();
      this.#results.set(event, byKey);
    }
    let result = byKey.get(key);
    if (result === undefined) {
      this.#executions += 1;
      result = run();
      byKey.set(key, result);
    }
    return result;
  }

  /** Document, operation, variables and role: what one shared result stands for. */
  #keyOf(args: ExecutionArgs): string | null {
    const visibility = this.#visibilityOf(args.contextValue);
    if (visibility === null) return null;
    let documentId = this.#documentIds.get(args.document);
    if (documentId === undefined) {
      documentId = this.#nextDocumentId++;
      this.#documentIds.set(args.document, documentId);
    }
    const variables = JSON.stringify(args.variableValues ?? {});
    return `${documentId}\n${args.operationName ?? ''}\n${visibility}\n${variables}`;
  }
}

/**
 * Makes every subscription (graphql-ws and SSE) execute its events through `shared`. Parsed
 * documents come from yoga's parse cache, so one document text is one `DocumentNode`.
 */
export function useSharedSubscriptionResults(shared: SharedSubscriptionResults): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(shared.subscribe as never);
    },
  };
}
