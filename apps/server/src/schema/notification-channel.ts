import type { AlertingFailure } from '../alerting/alerting-results.ts';
import { valueOrError } from '../alerting/alerting-results.ts';
import type { TestNotificationOutcome } from '../alerting/test-notification.ts';
import type { ChannelPatch, ChannelView } from '../alerting/channel-manager.ts';
import { builder } from './builder.ts';
import { DeletionRef } from './deletion.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { NotificationDeliveryRef } from './notification-delivery.ts';
import { ValidationErrorRef } from './validation-error.ts';

const ChannelTypeEnum = builder.enumType('NotificationChannelType', {
  values: {
    SLACK: { value: 'slack', description: 'Slack incoming webhook (`webhookUrl`).' },
    EMAIL: { value: 'email', description: 'SMTP (`smtpUrl`, `from`, `to`).' },
    PAGERDUTY: { value: 'pagerduty', description: 'PagerDuty Events API v2 (`routingKey`).' },
    WEBHOOK: { value: 'webhook', description: 'JSON POST (`url`, optional `secret`, `headers`).' },
  } as const,
});

const ChannelSettingRef = builder
  .objectRef<{ name: string; value: string }>('NotificationChannelSetting')
  .implement({
    description:
      'One setting; secrets show only a URL’s host or `••••` and their last 4 characters.',
    fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
  });

export const NotificationChannelRef = builder
  .objectRef<ChannelView>('NotificationChannel')
  .implement({
    description: 'Where notifications go. Channels from environment variables are named `env-*`.',
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      type: t.field({ type: ChannelTypeEnum, resolve: (c) => c.type }),
      enabled: t.exposeBoolean('enabled', {
        description: 'Disabled channels get no new notifications.',
      }),
      source: t.exposeString('source', { description: '`env` (read-only settings) or `api`.' }),
      settings: t.field({ type: [ChannelSettingRef], resolve: (c) => c.settings }),
      createdAt: t.field({ type: 'DateTime', resolve: (c) => new Date(c.createdAt) }),
      updatedAt: t.field({ type: 'DateTime', resolve: (c) => new Date(c.updatedAt) }),
    }),
  });

const HeaderInput = builder.inputType('HttpHeaderInput', {
  fields: (t) => ({ name: t.string({ required: true }), value: t.string({ required: true }) }),
});
const RetryPolicyInput = builder.inputType('RetryPolicyInput', {
  fields: (t) => ({ maxRetries: t.int({ required: true }), backoffMs: t.int({ required: true }) }),
});

const channelInput = (create: boolean) =>
  builder.inputType(create ? 'NotificationChannelInput' : 'NotificationChannelPatch', {
    description: 'Settings the type does not use are ignored; in a patch, `""` clears one.',
    fields: (t) => ({
      name: t.string({ required: create }),
      ...(create ? { type: t.field({ type: ChannelTypeEnum, required: true }) } : {}),
      enabled: t.boolean({ required: false }),
      webhookUrl: t.string({ required: false }),
      routingKey: t.string({ required: false }),
      endpoint: t.string({ required: false, description: 'PagerDuty: another Events API URL.' }),
      smtpUrl: t.string({ required: false }),
      from: t.string({ required: false }),
      to: t.stringList({ required: false }),
      url: t.string({ required: false }),
      secret: t.string({ required: false, description: 'Webhook: HMAC-SHA256 signing key.' }),
      headers: t.field({ type: [HeaderInput], required: false }),
      retryPolicy: t.field({ type: RetryPolicyInput, required: false }),
    }),
  });

const ChannelInputRef = channelInput(true);
const ChannelPatchRef = channelInput(false);

/** GraphQL input (nulls, header pairs) → service settings. */
const toPatch = (input: Record<string, unknown>): ChannelPatch => {
  const patch = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as ChannelPatch & { headers?: unknown };
  if (Array.isArray(input.headers)) {
    patch.headers = Object.fromEntries(
      (input.headers as { name: string; value: string }[]).map((h) => [h.name, h.value]),
    );
  }
  return patch;
};

type ChannelFailure = Exclude<AlertingFailure, { kind: 'alert-action-error' }>;
const asResult = <T>(value: T | AlertingFailure) => value as T | ChannelFailure;
const byKind =
  <T>(ok: T) =>
  (value: object) => {
    const kind = (value as { kind?: string }).kind;
    if (kind === undefined) return ok;
    return kind === 'not-found' ? NotFoundErrorRef : ValidationErrorRef;
  };

const ChannelResultRef = builder.unionType('NotificationChannelResult', {
  types: [NotificationChannelRef, ValidationErrorRef, NotFoundErrorRef],
  resolveType: byKind(NotificationChannelRef),
});
const DeleteChannelResultRef = builder.unionType('DeleteNotificationChannelResult', {
  types: [DeletionRef, ValidationErrorRef, NotFoundErrorRef],
  resolveType: byKind(DeletionRef),
});

const TestNotificationRef = builder
  .objectRef<TestNotificationOutcome>('TestNotification')
  .implement({
    fields: (t) => ({
      delivered: t.exposeBoolean('delivered', { description: 'The receiver accepted it.' }),
      status: t.exposeInt('status', { nullable: true }),
      reason: t.exposeString('reason', { nullable: true }),
      delivery: t.field({
        type: NotificationDeliveryRef,
        nullable: true,
        resolve: (r) => r.delivery,
      }),
    }),
  });
const TestNotificationResultRef = builder.unionType('TestNotificationResult', {
  types: [TestNotificationRef, NotFoundErrorRef],
  resolveType: (value) => ('kind' in value ? NotFoundErrorRef : TestNotificationRef),
});

/** Role: operator (settings are masked; public dashboards never list channels). */
builder.queryField('notificationChannels', (t) =>
  t.field({
    authScopes: { operator: true },
    type: [NotificationChannelRef],
    resolve: (_root, _args, { services }) => services.alerting.channels(),
  }),
);

/** Role: admin. */
builder.mutationField('createNotificationChannel', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ChannelResultRef,
    args: { input: t.arg({ type: ChannelInputRef, required: true }) },
    resolve: async (_root, { input }, { services }) => {
      // `name` is non-null in `NotificationChannelInput`; the shared builder types it loosely.
      const { name, type, ...rest } = input;
      const created = await services.alerting.createChannel({
        ...toPatch(rest),
        name: name ?? '',
        type,
      });
      return asResult(valueOrError(created));
    },
  }),
);

/** Role: admin. */
builder.mutationField('updateNotificationChannel', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ChannelResultRef,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: ChannelPatchRef, required: true }),
    },
    resolve: async (_root, { id, input }, { services }) =>
      asResult(valueOrError(await services.alerting.updateChannel(id, toPatch(input)))),
  }),
);

/** Role: admin. */
builder.mutationField('deleteNotificationChannel', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DeleteChannelResultRef,
    description: 'Deletes a channel; its queued notifications fail as "no channel named …".',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services }) =>
      asResult(valueOrError(await services.alerting.deleteChannel(id))),
  }),
);

/** Role: admin. */
builder.mutationField('sendTestNotification', (t) =>
  t.field({
    authScopes: { admin: true },
    type: TestNotificationResultRef,
    description: 'Sends a test message through the channel now; the attempt is logged.',
    args: { channelId: t.arg.id({ required: true }) },
    resolve: async (_root, { channelId }, { services }) => {
      const result = valueOrError(await services.alerting.sendTestNotification(channelId));
      return result as TestNotificationOutcome | Extract<AlertingFailure, { kind: 'not-found' }>;
    },
  }),
);
