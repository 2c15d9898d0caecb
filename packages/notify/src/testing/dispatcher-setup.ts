import { afterEach } from 'vitest';
import type { AlertNotification } from '../alert-notification.ts';
import { createDispatcher } from '../dispatcher.ts';
import type { DispatcherOptions } from '../dispatcher.ts';
import { createMemoryOutboxStore } from '../memory-outbox-store.ts';
import type { NotificationChannel } from '../notification-channel.ts';
import { newOutboxItems } from '../outbox-store.ts';
import type { OutboxStore } from '../outbox-store.ts';
import { createFakeClock } from './fake-clock.ts';
import type { FakeClock } from './fake-clock.ts';
import { scripted, startGatedReceiver, startHttpReceiver } from './http-receiver.ts';
import type { GatedReceiver, HttpReceiver, Reply } from './http-receiver.ts';
import { sampleNotification } from './sample-notification.ts';

/** Jitter source that keeps back-off exact. */
export const noJitter = (): number => 0.5;

/**
 * Receivers started by a test file, closed after each test. Call once at the top of a file:
 * it registers the `afterEach`.
 */
export function receiverPool(): {
  /** A receiver answering `replies` in order (the last one repeats). */
  receiver: (...replies: Reply[]) => Promise<HttpReceiver>;
  /** A receiver holding its requests until `release()`; see {@link startGatedReceiver}. */
  gated: () => Promise<GatedReceiver>;
} {
  const receivers: HttpReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((started) => started.close()));
  });
  return {
    receiver: async (...replies) => {
      const started = await startHttpReceiver(scripted(...replies));
      receivers.push(started);
      return started;
    },
    gated: async () => {
      const started = await startGatedReceiver();
      receivers.push(started);
      return started;
    },
  };
}

export function channelMap(...channels: NotificationChannel[]): Map<string, NotificationChannel> {
  return new Map(channels.map((channel) => [channel.name, channel]));
}

/** Enqueues `notification` for every channel at the clock's time. */
export async function enqueue(
  store: OutboxStore,
  clock: FakeClock,
  channels: NotificationChannel[],
  notification: AlertNotification = sampleNotification(),
): Promise<void> {
  await store.enqueue(newOutboxItems(notification, channels, clock.now()));
}

/** A dispatcher over a memory store with a fake clock and no jitter. */
export function setup(channels: NotificationChannel[], options: Partial<DispatcherOptions> = {}) {
  const clock = createFakeClock();
  const store = createMemoryOutboxStore();
  const dispatcher = createDispatcher({
    store,
    channels: channelMap(...channels),
    clock,
    random: noJitter,
    ...options,
  });
  return { clock, store, dispatcher };
}
