import type { DeliveryAttempt } from '@taurine/notify';
import type { NotificationDelivery } from '../alerting/alerting-facade.ts';
import { builder } from './builder.ts';

export const DeliveryStatusEnum = builder.enumType('DeliveryStatus', {
  values: {
    PENDING: { value: 'pending', description: 'Queued or waiting for a retry.' },
    SENT: { value: 'sent', description: 'The receiver accepted it.' },
    FAILED: { value: 'failed', description: 'Given up: a final error or too many attempts.' },
  } as const,
});

/**
 * Where notifications go and how receivers answered (channel names, receiver host and port in
 * error texts) is for operators, as on the root `notificationLog`. Viewers, and anonymous callers
 * of a public dashboard, reach deliveries through `Alert.deliveries`: they see that and when a
 * notification went out, its kind, channel type and status, with these fields null.
 */
const operatorsOnly = {
  authScopes: { operator: true },
  unauthorizedResolver: () => null,
} as const;

const DeliveryAttemptRef = builder.objectRef<DeliveryAttempt>('DeliveryAttempt').implement({
  fields: (t) => ({
    attempt: t.exposeInt('attempt', { description: '1 for the first attempt.' }),
    startedAt: t.field({ type: 'DateTime', resolve: (a) => new Date(a.startedAt) }),
    finishedAt: t.field({ type: 'DateTime', resolve: (a) => new Date(a.finishedAt) }),
    ok: t.exposeBoolean('ok'),
    retryable: t.boolean({ nullable: true, resolve: (a) => a.retryable ?? null }),
    status: t.int({
      nullable: true,
      description: 'HTTP or SMTP status of the answer.',
      resolve: (a) => a.status ?? null,
    }),
    reason: t.string({
      ...operatorsOnly,
      nullable: true,
      description:
        'Why it failed; receivers are named by host only, secrets are redacted. Null below operator.',
      resolve: (a) => a.reason ?? null,
    }),
  }),
});

export const NotificationDeliveryRef = builder
  .objectRef<NotificationDelivery>('NotificationDelivery')
  .implement({
    description: 'One notification bound for one channel, from the durable outbox.',
    fields: (t) => ({
      id: t.exposeID('id'),
      channelName: t.string({
        ...operatorsOnly,
        nullable: true,
        description: 'The channel it was bound for; null below operator.',
        resolve: (d) => d.channelName,
      }),
      channelType: t.exposeString('channelType'),
      kind: t.string({
        description: '`firing`, `repeat`, `escalation`, `acknowledged`, `resolved` or `test`.',
        resolve: (d) => d.notification.kind,
      }),
      idempotencyKey: t.exposeString('idempotencyKey', {
        description: 'Identical on every retry (webhook `Idempotency-Key`).',
      }),
      fingerprint: t.string({ resolve: (d) => d.notification.fingerprint }),
      alertName: t.string({ resolve: (d) => d.notification.alertName }),
      summary: t.string({ resolve: (d) => d.notification.summary }),
      status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
      attemptCount: t.exposeInt('attempts'),
      nextAttemptAt: t.field({ type: 'DateTime', resolve: (d) => new Date(d.nextAttemptAt) }),
      lastError: t.string({
        ...operatorsOnly,
        nullable: true,
        description: 'The last failure, naming the receiver; null below operator.',
        resolve: (d) => d.lastError ?? null,
      }),
      responseStatus: t.int({ nullable: true, resolve: (d) => d.responseStatus ?? null }),
      createdAt: t.field({ type: 'DateTime', resolve: (d) => new Date(d.createdAt) }),
      sentAt: t.field({
        type: 'DateTime',
        nullable: true,
        resolve: (d) => (d.sentAt === undefined ? null : new Date(d.sentAt)),
      }),
      attempts: t.field({ type: [DeliveryAttemptRef], resolve: (d) => d.attemptLog }),
    }),
  });

export const MAX_LOG_SIZE = 500;

/** Role: operator (delivery reasons name receivers). */
builder.queryField('notificationLog', (t) =>
  t.field({
    authScopes: { operator: true },
    type: [NotificationDeliveryRef],
    description: `Notifications, newest first, with every delivery attempt (at most ${MAX_LOG_SIZE}).`,
    args: {
      first: t.arg.int({ required: false, defaultValue: 50 }),
      status: t.arg({ type: DeliveryStatusEnum, required: false }),
      channel: t.arg.string({ required: false, description: 'A channel name.' }),
    },
    resolve: (_root, args, { services }) =>
      services.alerting.notificationLog({
        first: Math.min(MAX_LOG_SIZE, Math.max(0, args.first ?? 50)),
        status: args.status ?? undefined,
        channel: args.channel ?? undefined,
      }),
  }),
);
