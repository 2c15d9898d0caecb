import { computeBackoff, DEFAULT_BACKOFF } from './backoff.ts';
import type { BackoffPolicy } from './backoff.ts';
import { systemSleep } from './clock.ts';
import type { Clock, Sleep } from './clock.ts';
import type { DeliveryResult, NotificationChannel } from './notification-channel.ts';
import { NotifyError } from './notify-error.ts';
import { checkPositiveNumber, invalidOption } from './option-checks.ts';
import type { OutboxItem, OutboxStore } from './outbox-store.ts';

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
   * How long a claimed batch stays invisible to other dispatchers. Must exceed the time a tick
   * can take (sends run one after another per channel); an expired lease means a possible
   * duplicate, never a loss. @default 300000
   */
  leaseMs?: number;
  /** Random source for jitter. @default Math.random */
  random?: () => number;
  /** Waits between ticks in {@link Dispatcher.start}. @default systemSleep */
  sleep?: Sleep;
  /** Hears store failures; the dispatcher itself never throws them. */
  onError?: (error: NotifyError) => void;
}

/** Counts of one tick. */
export interface TickSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers due outbox items through their channels. */
export interface Dispatcher {
  /** Claims due items and delivers them; resolves when all are settled. Never rejects. */
  tick(): Promise<TickSummary>;
  /** Ticks now and then every `intervalMs` until {@link Dispatcher.stop}. */
  start(intervalMs: number): void;
  /** Stops the loop; resolves once the running tick has finished. */
  stop(): Promise<void>;
}

const SCOPE = 'createDispatcher';

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
  checkPositiveNumber(SCOPE, 'leaseMs', options.leaseMs ?? 300_000);
  for (const [name, channel] of options.channels) {
    if (channel.name !== name) {
      invalidOption(SCOPE, `channel "${channel.name}" is registered under the name "${name}"`);
    }
  }
}

type Outcome = 'sent' | 'retried' | 'failed';

/**
 * Creates the outbox dispatcher. Per tick: claim due items (leased, so dispatchers sharing a
 * store never send one item at once), deliver channel groups in parallel and each channel's
 * items in order, record every attempt, mark sent only on acceptance, retry retryable failures
 * with exponential back-off + jitter (or the receiver's longer Retry-After), and mark failed on
 * final failures or after the last attempt.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  checkOptions(options);
  const { store, channels, clock } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const maxAttempts = options.maxAttempts ?? 10;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 300_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? systemSleep;
  const report = (message: string, cause: unknown): void => {
    options.onError?.(new NotifyError('STORE_FAILED', message, { cause }));
  };

  async function send(channel: NotificationChannel, item: OutboxItem): Promise<DeliveryResult> {
    try {
      return await channel.send(item.notification);
    } catch (error) {
      // Channels should not throw; if one does, its message may quote a secret: keep the class only.
      const name = error instanceof Error ? error.name : typeof error;
      return { ok: false, retryable: true, reason: `channel "${channel.name}" threw ${name}` };
    }
  }

  async function settle(
    item: OutboxItem,
    result: DeliveryResult,
    attempt: number,
  ): Promise<Outcome> {
    const channel = channels.get(item.channelName);
    if (result.ok) {
      await store.markSent(item.id, clock.now(), result.status);
      return 'sent';
    }
    const limit =
      channel?.retryPolicy === undefined ? maxAttempts : channel.retryPolicy.maxRetries + 1;
    if (!result.retryable) {
      await store.markFailed(item.id, result.reason);
      return 'failed';
    }
    if (attempt >= limit) {
      await store.markFailed(item.id, `gave up after ${attempt} attempts: ${result.reason}`);
      return 'failed';
    }
    const policy =
      channel?.retryPolicy === undefined
        ? backoff
        : { ...backoff, baseMs: channel.retryPolicy.backoffMs };
    const delay = Math.max(computeBackoff(attempt, policy, random), result.retryAfterMs ?? 0);
    await store.markRetry(item.id, clock.now() + delay, result.reason);
    return 'retried';
  }

  async function deliver(item: OutboxItem): Promise<Outcome | undefined> {
    const channel = channels.get(item.channelName);
    try {
      if (channel === undefined) {
        await store.markFailed(item.id, `no channel named "${item.channelName}" is configured`);
        return 'failed';
      }
      const attempt = item.attempts + 1;
      const startedAt = clock.now();
      const result = await send(channel, item);
      await store.recordAttempt({
        outboxId: item.id,
        attempt,
        channelName: item.channelName,
        idempotencyKey: item.idempotencyKey,
        startedAt,
        finishedAt: clock.now(),
        ok: result.ok,
        ...(result.ok
          ? { ...(result.status === undefined ? {} : { status: result.status }) }
          : {
              retryable: result.retryable,
              reason: result.reason,
              ...(result.status === undefined ? {} : { status: result.status }),
            }),
      });
      return await settle(item, result, attempt);
    } catch (error) {
      // The lease runs out and another tick retries the item: at-least-once holds.
      report(`outbox store failed while delivering item "${item.id}"`, error);
      return undefined;
    }
  }

  async function tick(): Promise<TickSummary> {
    const summary: TickSummary = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    let items: OutboxItem[];
    try {
      items = await store.claimDue(clock.now(), batchSize, leaseMs);
    } catch (error) {
      report('outbox store failed to claim due items', error);
      return summary;
    }
    summary.claimed = items.length;
    const byChannel = new Map<string, OutboxItem[]>();
    for (const item of items) {
      byChannel.set(item.channelName, [...(byChannel.get(item.channelName) ?? []), item]);
    }
    await Promise.all(
      [...byChannel.values()].map(async (group) => {
        for (const item of group) {
          const outcome = await deliver(item);
          if (outcome !== undefined) summary[outcome] += 1;
        }
      }),
    );
    return summary;
  }

  let loop: { controller: AbortController; done: Promise<void> } | undefined;

  return {
    tick,
    start(intervalMs) {
      checkPositiveNumber('Dispatcher.start', 'intervalMs', intervalMs);
      if (loop !== undefined) {
        throw new NotifyError(
          'DISPATCHER_RUNNING',
          'Dispatcher.start: the dispatcher is already running',
        );
      }
      const controller = new AbortController();
      // A function, not a property read: TS would keep `aborted` narrowed across the awaits.
      const stopped = (): boolean => controller.signal.aborted;
      const run = async (): Promise<void> => {
        while (!stopped()) {
          await tick();
          if (stopped()) break;
          await sleep(intervalMs, controller.signal);
        }
      };
      loop = { controller, done: run() };
    },
    async stop() {
      const current = loop;
      if (current === undefined) return;
      loop = undefined;
      current.controller.abort();
      await current.done;
    },
  };
}
