import { GraphQLError } from 'graphql';

/** How many live subscriptions are allowed, and how many messages they may stream. */
export interface SubscriptionLimits {
  /** Open subscriptions on one graphql-ws socket (an SSE request holds one). @default 20 */
  perConnection: number;
  /** Open subscriptions of one client: per API key, or per address without one. @default 100 */
  perClient: number;
  /** Open subscriptions on this instance, all clients together. @default 10000 */
  total: number;
  /**
   * Messages one connection may receive per minute, all its subscriptions together (a token
   * bucket: this is also the burst). A subscription that would exceed it ends with a
   * `RATE_LIMITED` error. @default 600
   */
  messagesPerMinute: number;
}

/** Defaults: room for many dashboard tabs behind one address, not for a flood. */
export const DEFAULT_SUBSCRIPTION_LIMITS: Readonly<SubscriptionLimits> = {
  perConnection: 20,
  perClient: 100,
  total: 10_000,
  messagesPerMinute: 600,
};

/** Who holds a subscription and how to end it. */
export interface SubscriptionHolder {
  /** `key:<id>` or `ip:<address>`: the bucket of the per-client limit. */
  client: string;
  /** The graphql-ws socket, or the SSE request: the bucket of the per-connection limit. */
  connection: object;
  /** The key the subscription was authenticated with; null for anonymous callers. */
  keyId: number | null;
  /** Whether the key still authenticates (another instance may have revoked it). */
  recheck?: () => Promise<boolean>;
  /** Closes the transport when the subscription is ended from outside (graphql-ws socket). */
  close?: (code: number, reason: string) => void;
}

/** One admitted subscription; `signal` aborts when it is ended from outside. */
export interface SubscriptionLease {
  readonly holder: SubscriptionHolder;
  readonly signal: AbortSignal;
}

/** The graphql-ws close code for a socket whose key stopped authenticating (graphql-ws' Forbidden). */
export const KEY_REVOKED_CLOSE_CODE = 4403;

/** Said to clients whose key stopped working; the same words whatever the reason. */
export const KEY_REVOKED_REASON = 'invalid or revoked key';

interface Bucket {
  tokens: number;
  at: number;
}

const subscriptionLimitError = (scope: string, limit: number, message: string): GraphQLError =>
  new GraphQLError(message, {
    extensions: { code: 'SUBSCRIPTION_LIMIT', scope, limit, http: { status: 429 } },
  });

/**
 * The live subscriptions of this instance: admits new ones within {@link SubscriptionLimits},
 * counts their messages against a per-connection budget and ends those of a revoked key.
 * Counting only: the transports (graphql-ws, SSE) call it.
 */
export class LiveSubscriptions {
  readonly limits: Readonly<SubscriptionLimits>;
  readonly #now: () => number;
  readonly #leases = new Map<SubscriptionLease, AbortController>();
  readonly #byConnection = new Map<object, number>();
  readonly #byClient = new Map<string, number>();
  readonly #byContext = new WeakMap<object, SubscriptionLease>();
  readonly #budgets = new WeakMap<object, Bucket>();

  constructor(limits: Partial<SubscriptionLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...limits };
    for (const [name, value] of Object.entries(this.limits)) {
      if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(`Subscription limit ${name} must be a positive integer`);
      }
    }
    this.#now = now;
  }

  /** Open subscriptions on this instance. */
  get size(): number {
    return this.#leases.size;
  }

  /**
   * Admits a subscription for `holder`, or returns the `SUBSCRIPTION_LIMIT` error that says
   * which limit it would exceed. `context` (the operation's context object) finds the lease again.
   */
  admit(context: object, holder: SubscriptionHolder): SubscriptionLease | GraphQLError {
    const { perConnection, perClient, total } = this.limits;
    if ((this.#byConnection.get(holder.connection) ?? 0) >= perConnection) {
      return subscriptionLimitError(
        'connection',
        perConnection,
        `Too many subscriptions on this connection (at most ${perConnection}); complete one first`,
      );
    }
    if ((this.#byClient.get(holder.client) ?? 0) >= perClient) {
      return subscriptionLimitError(
        'client',
        perClient,
        `Too many subscriptions for this client (at most ${perClient} per API key, or per address without one)`,
      );
    }
    if (this.#leases.size >= total) {
      return subscriptionLimitError(
        'server',
        total,
        `The server is at its subscription limit (${total}); try again later`,
      );
    }
    const controller = new AbortController();
    const lease: SubscriptionLease = { holder, signal: controller.signal };
    this.#leases.set(lease, controller);
    this.#byContext.set(context, lease);
    increment(this.#byConnection, holder.connection, 1);
    increment(this.#byClient, holder.client, 1);
    return lease;
  }

  /** The lease admitted for `context`, if it is still open. */
  leaseOf(context: object): SubscriptionLease | undefined {
    const lease = this.#byContext.get(context);
    return lease !== undefined && this.#leases.has(lease) ? lease : undefined;
  }

  /** Frees the lease's place in every limit; safe to call twice. */
  release(lease: SubscriptionLease): void {
    if (!this.#leases.delete(lease)) return;
    increment(this.#byConnection, lease.holder.connection, -1);
    increment(this.#byClient, lease.holder.client, -1);
  }

  /** Takes one message from the connection's budget; false when it is spent. */
  takeMessage(connection: object): boolean {
    const { messagesPerMinute } = this.limits;
    const at = this.#now();
    const bucket = this.#budgets.get(connection) ?? { tokens: messagesPerMinute, at };
    bucket.tokens = Math.min(
      messagesPerMinute,
      bucket.tokens + ((at - bucket.at) * messagesPerMinute) / 60_000,
    );
    bucket.at = at;
    this.#budgets.set(connection, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Ends every subscription opened with key `keyId` (closing their sockets); returns how many. */
  endForKey(keyId: number): number {
    const ending = [...this.#leases.entries()].filter(([lease]) => lease.holder.keyId === keyId);
    for (const [lease, controller] of ending) {
      this.release(lease);
      controller.abort(KEY_REVOKED_REASON);
      lease.holder.close?.(KEY_REVOKED_CLOSE_CODE, KEY_REVOKED_REASON);
    }
    return ending.length;
  }

  /**
   * Asks once per key with open subscriptions whether it still authenticates, and ends those of
   * keys that do not: how a revocation made on another instance (or by the CLI) reaches this one.
   * A key that cannot be checked right now (store down) is left alone.
   */
  async recheckKeys(): Promise<void> {
    const checks = new Map<number, () => Promise<boolean>>();
    for (const lease of this.#leases.keys()) {
      const { keyId, recheck } = lease.holder;
      if (keyId !== null && recheck !== undefined && !checks.has(keyId)) checks.set(keyId, recheck);
    }
    await Promise.all(
      [...checks].map(async ([keyId, recheck]) => {
        const valid = await recheck().catch(() => true);
        if (!valid) this.endForKey(keyId);
      }),
    );
  }
}

function increment<K>(counts: Map<K, number>, key: K, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
