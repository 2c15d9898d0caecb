import { computeBackoff } from './backoff.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { Clock } from './clock.ts';
import type { DeliveryResult, NotificationChannel } from './notification-channel.ts';
import type { OutboxItem, OutboxStore } from './outbox-store.ts';

/** What became of one delivered item. */
export type DeliveryOutcome = 'sent' | 'retried' | 'failed';

/** What {@link createItemDelivery} needs: the dispatcher's resolved options. */
export interface ItemDeliveryOptions {
  store: OutboxStore;
  channels: ReadonlyMap<string, NotificationChannel>;
  clock: Clock;
  backoff: BackoffPolicy;
  maxAttempts: number;
  random: () => number;
}

/**
 * Delivers one claimed item: sends it, logs the attempt, then marks it sent on acceptance,
 * retries a retryable failure after the back-off (or the receiver's longer Retry-After), and
 * marks it failed on a final failure or after the last attempt. Store failures reject: the item
 * keeps its lease until it runs out, and another tick retries it (at-least-once holds).
 */
export function createItemDelivery(
  options: ItemDeliveryOptions,
): (item: OutboxItem) => Promise<DeliveryOutcome> {
  const { store, channels, clock, backoff, maxAttempts, random } = options;

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
  ): Promise<DeliveryOutcome> {
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

  return async (item) => {
    const channel = channels.get(item.channelName);
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
    return settle(item, result, attempt);
  };
}
