import type { AlertNotification, Clock, DeliveryResult } from '@taurine/notify';
import type { SettledDelivery, Store, StoredChannel } from '@taurine/store';
import { withAttempts } from './alerting-facade.ts';
import type { NotificationDelivery } from './alerting-facade.ts';
import { notFound, succeeded } from './alerting-results.ts';
import type { AlertingResult } from './alerting-results.ts';
import type { ChannelManager } from './channel-manager.ts';
import { alertLink } from './notification-builder.ts';

/** Result of a test notification. */
export interface TestNotificationOutcome {
  /** True when the receiver accepted the message. */
  delivered: boolean;
  /** HTTP or SMTP status of the answer, when there was one. */
  status: number | null;
  /** Why it was not delivered (secrets redacted). */
  reason: string | null;
  /** The logged delivery; null if it could not be recorded. */
  delivery: NotificationDelivery | null;
}

/** Sends a test message through a channel right now and logs the attempt. Never throws. */
export type SendTestNotification = (
  channelId: string,
) => Promise<AlertingResult<TestNotificationOutcome>>;

/** What {@link createTestNotificationSender} works with. */
export interface TestNotificationOptions {
  store: Store;
  clock: Clock;
  channels: ChannelManager;
  /** Read at every send: the base URL may be known only once the server listens. */
  dashboardUrl: () => string;
  createId: () => string;
  /** Hears a failure that was absorbed (channels not reloaded, the attempt not logged). */
  report: (message: string, cause: unknown) => void;
}

/**
 * Creates the sender of test notifications. They go out at once, outside the outbox queue, and
 * are logged as a settled outbox item with one attempt, so they show in the notification log.
 */
export function createTestNotificationSender(
  options: TestNotificationOptions,
): SendTestNotification {
  const { store, clock, channels, report } = options;
  return async (channelId) => {
    try {
      await channels.refresh();
    } catch (error) {
      report('reloading channels failed; using the cached ones', error);
    }
    const row = channels.get(channelId);
    const channel = row === undefined ? undefined : channels.runtime.get(row.name);
    if (row === undefined || channel === undefined) {
      return notFound('notification channel', channelId);
    }
    const now = clock.now();
    const notification = testNotification(row, now, options);
    const startedAt = clock.now();
    const result = await channel.send(notification);
    const finishedAt = clock.now();
    let delivery: NotificationDelivery | null = null;
    try {
      const stored = await store.outbox.recordSettled({
        item: {
          id: options.createId(),
          channelName: row.name,
          channelType: row.type,
          notification,
          createdAt: now,
        },
        attempt: settledAttempt(result, startedAt, finishedAt),
      });
      [delivery = null] = await withAttempts(store, [stored]);
    } catch (error) {
      report('the test notification was sent but could not be logged', error);
    }
    return succeeded({
      delivered: result.ok,
      status: result.status ?? null,
      reason: result.ok ? null : result.reason,
      delivery,
    });
  };
}

/** The message a test sends: marked `test`, linked to a page of its own, never an alert. */
function testNotification(
  row: StoredChannel,
  now: number,
  options: Pick<TestNotificationOptions, 'createId' | 'dashboardUrl'>,
): AlertNotification {
  return {
    idempotencyKey: `test:${row.id}:${options.createId()}`,
    kind: 'test',
    fingerprint: `test-${row.id}`,
    alertName: 'Taurine test notification',
    severity: 'info',
    metric: 'taurine.test',
    value: null,
    threshold: null,
    status: 'firing',
    startsAt: now,
    at: now,
    summary: `Test notification from Taurine to the channel "${row.name}"`,
    description: 'If you can read this, alerts sent to this channel arrive.',
    dashboardUrl: alertLink(options.dashboardUrl(), `test-${row.id}`),
  };
}

function settledAttempt(
  result: DeliveryResult,
  startedAt: number,
  finishedAt: number,
): SettledDelivery['attempt'] {
  const status = result.status === undefined ? {} : { status: result.status };
  return result.ok
    ? { startedAt, finishedAt, ok: true, ...status }
    : {
        startedAt,
        finishedAt,
        ok: false,
        retryable: result.retryable,
        reason: result.reason,
        ...status,
      };
}
