import { randomUUID } from 'node:crypto';
import { DEFAULT_BACKOFF } from './backoff.ts';
import type { BackoffPolicy } from './backoff.ts';
import { systemSleep } from './clock.ts';
import type { Clock, Sleep } from './clock.ts';
import { createLeaseReclaim, emptyTickSummary, runTick } from './dispatch-tick.ts';
import type { TickContext, TickSummary } from './dispatch-tick.ts';
import { createItemDelivery } from './item-delivery.ts';
import type { NotificationChannel } from './notification-channel.ts';
import { NotifyError } from './notify-error.ts';
import { checkPositiveNumber, invalidOption } from './option-checks.ts';
import type { OutboxStore } from './outbox-store.ts';
import { createTickLoop } from './tick-loop.ts';

/** Options of {@link createDispatcher}. */
export interface DispatcherOptions {
  store: OutboxStore;
  /** Channels by name; each key must equal its channel's `name`. */
  channels: ReadonlyMap<string, NotificationChannel>;
  clock: Clock;
  /** @default DEFAULT_BACKOFF (1 s doubling to 5 min, ±20 %) */
  backoff?: BackoffPolicy;
  /** Attempts per item before it is marked failed (channels may override). @default 10 */
  maxAttempts?: number;
  /** Items claimed per tick. @default 50 */
  batchSize?: number;
  /**
   * How long a claimed item stays invisible to other dispatchers. Renewed every `leaseMs / 3`
   * while its send runs (a heartbeat), so it only needs to outlast a stall of the process; an
   * expired lease means a possible duplicate, never a loss. @default 30000
   */
  leaseMs?: number;
  /**
   * Who holds this dispatcher's leases. Give the process's stable instance id: the first tick
   * takes back every lease this owner still holds (left by a crashed run of the same instance)
   * instead of waiting for them to expire. Must not be shared by two running dispatchers.
   * @default a random id (nothing is taken back)
   */
  owner?: string;
  /** Hears how many leases of an earlier run the first tick took back (only when more than 0). */
  onReclaimed?: (count: number) => void;
  /** Random source for jitter. @default Math.random */
  random?: () => number;
  /** Waits between ticks in {@link Dispatcher.start}. @default systemSleep */
  sleep?: Sleep;
  /** Hears store failures; the dispatcher itself never throws them. */
  onError?: (error: NotifyError) => void;
}

export type { TickSummary } from './dispatch-tick.ts';

/** Delivers due outbox items through their channels. */
export interface Dispatcher {
  /** Claims due items and delivers them; resolves when all are settled. Never rejects. */
  tick(): Promise<TickSummary>;
  /**
   * Ticks now and then every `intervalMs` until {@link Dispatcher.stop}; a tick that delivered
   * something is followed by another at once.
   */
  start(intervalMs: number): void;
  /**
   * Asks the running loop to tick now (e.g. after new items were enqueued): it stops waiting, or
   * ticks again right after the tick in progress. Does nothing when the loop is not running.
   */
  wake(): void;
  /** Stops the loop; resolves once the running tick has finished. */
  stop(): Promise<void>;
}

const SCOPE = 'createDispatcher';

/** Default lease of a claimed item; the heartbeat renews it every third of it. */
export const DEFAULT_LEASE_MS = 30_000;

function checkOptions(options: DispatcherOptions): void {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  checkPositiveNumber(SCOPE, 'backoff.baseMs', backoff.baseMs);
  checkPositiveNumber(SCOPE, 'backoff.maxMs', backoff.maxMs);
  if (backoff.maxMs < backoff.baseMs)
    invalidOption(SCOPE, 'backoff.maxMs must be ≥ backoff.baseMs');
  if (!(backoff.factor >= 1) || !Number.isFinite(backoff.factor)) {
    invalidOption(SCOPE, 'backoff.factor must be a finite number ≥ 1');
  }
  if (!(backoff.jitter >= 0 && backoff.jitter <= 1)) {
    invalidOption(SCOPE, 'backoff.jitter must be between 0 and 1');
  }
  const maxAttempts = options.maxAttempts ?? 10;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    invalidOption(SCOPE, 'maxAttempts must be an integer ≥ 1');
  }
  const batchSize = options.batchSize ?? 50;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    invalidOption(SCOPE, 'batchSize must be an integer ≥ 1');
  }
  checkPositiveNumber(SCOPE, 'leaseMs', options.leaseMs ?? DEFAULT_LEASE_MS);
  if (options.owner !== undefined && (typeof options.owner !== 'string' || options.owner === '')) {
    invalidOption(SCOPE, 'owner must be a non-empty string');
  }
  for (const [name, channel] of options.channels) {
    if (channel.name !== name) {
      invalidOption(SCOPE, `channel "${channel.name}" is registered under the name "${name}"`);
    }
  }
}

/**
 * Creates the outbox dispatcher. Per tick: take back the leases an earlier run of this owner left
 * (first tick only), then claim due items in rounds (leased, so dispatchers sharing a store never
 * send one item at once; only the head of each alert's line to a channel, so one alert reaches a
 * channel in order), deliver channel groups in parallel and each channel's items in order, and
 * renew the leases of the items in flight every third of the lease. See {@link createItemDelivery}
 * for what happens to one item.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  checkOptions(options);
  const { store, clock } = options;
  const report = (message: string, cause: unknown): void => {
    options.onError?.(new NotifyError('STORE_FAILED', message, { cause }));
  };
  const context: TickContext = {
    store,
    clock,
    batchSize: options.batchSize ?? 50,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    owner: options.owner ?? `dispatcher-${randomUUID()}`,
    deliver: createItemDelivery({
      store,
      channels: options.channels,
      clock,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      maxAttempts: options.maxAttempts ?? 10,
      random: options.random ?? Math.random,
    }),
    report,
  };
  const reclaim = createLeaseReclaim(context, options.onReclaimed);
  const loop = createTickLoop(
    () => runTick(context, reclaim, emptyTickSummary()),
    options.sleep ?? systemSleep,
  );

  return {
    async tick() {
      const summary = emptyTickSummary();
      await runTick(context, reclaim, summary);
      return summary;
    },
    start: (intervalMs) => {
      loop.start(intervalMs);
    },
    wake: () => {
      loop.wake();
    },
    stop: () => loop.stop(),
  };
}
