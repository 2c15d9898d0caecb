import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { createSchemaHarness } from '../testing/alerting-schema-harness.ts';
import type { SchemaHarness } from '../testing/alerting-schema-harness.ts';

const CREATE = /* GraphQL */ `
  mutation ($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) {
      __typename
      ... on NotificationChannel {
        id
        name
        type
        source
        settings {
          name
          value
        }
      }
      ... on ValidationError {
        errors {
          field
          code
        }
      }
    }
  }
`;

const TEST = /* GraphQL */ `
  mutation ($id: ID!) {
    sendTestNotification(channelId: $id) {
      __typename
      ... on TestNotification {
        delivered
        status
        reason
        delivery {
          kind
          status
          attempts {
            ok
            status
          }
        }
      }
      ... on NotFoundError {
        id
      }
    }
  }
`;

const LOG = /* GraphQL */ `
  query ($status: DeliveryStatus, $channel: String) {
    notificationLog(status: $status, channel: $channel) {
      channelName
      kind
      status
      lastError
      attemptCount
    }
  }
`;

let api: SchemaHarness;
let hook: HttpReceiver;
beforeEach(async () => {
  hook = await startHttpReceiver((request) =>
    request.path.includes('broken') ? { status: 400, body: 'no' } : { status: 200 },
  );
  api = await createSchemaHarness({
    slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/SECRETSECRET',
  });
});
afterEach(async () => {
  await api.cleanup();
  await hook.close();
});

describe('notification channel schema', () => {
  it('shows env and API channels with secrets masked', async () => {
    const created = await api.graphql(CREATE, {
      input: {
        name: 'ops',
        type: 'WEBHOOK',
        url: `${hook.url}?token=abcdef123456`,
        secret: 'hmac-secret-0123456789',
        headers: [{ name: 'Authorization', value: 'Bearer token-0123456789' }],
      },
    });
    expect(created.data).toMatchObject({
      createNotificationChannel: {
        __typename: 'NotificationChannel',
        name: 'ops',
        type: 'WEBHOOK',
        source: 'api',
        settings: [
          { name: 'url', value: `${new URL(hook.url).origin}/••••` },
          { name: 'secret', value: '••••6789' },
          { name: 'headers', value: 'Authorization: ••••6789' },
        ],
      },
    });
    const listed = await api.graphql('{ notificationChannels { name source settings { value } } }');
    const text = JSON.stringify(listed.data);
    expect(text).toContain('env-slack');
    for (const secret of ['SECRETSECRET', 'abcdef123456', 'hmac-secret', 'token-0123456789']) {
      expect(text).not.toContain(secret);
    }
  });

  it('rejects invalid settings as a ValidationError', async () => {
    const result = await api.graphql(CREATE, {
      input: { name: 'bad', type: 'PAGERDUTY' },
    });
    expect(result.data).toEqual({
      createNotificationChannel: {
        __typename: 'ValidationError',
        errors: [{ field: 'settings.routingKey', code: 'invalid' }],
      },
    });
  });

  it('sends test notifications and logs successes and failures', async () => {
    type Created = { createNotificationChannel: { id: string } };
    const good = await api.graphql<Created>(CREATE, {
      input: { name: 'good', type: 'WEBHOOK', url: hook.url },
    });
    const broken = await api.graphql<Created>(CREATE, {
      input: { name: 'broken', type: 'WEBHOOK', url: `${hook.url}/broken` },
    });

    expect((await api.graphql(TEST, { id: good.data!.createNotificationChannel.id })).data).toEqual(
      {
        sendTestNotification: {
          __typename: 'TestNotification',
          delivered: true,
          status: 200,
          reason: null,
          delivery: { kind: 'test', status: 'SENT', attempts: [{ ok: true, status: 200 }] },
        },
      },
    );
    const failed = await api.graphql(TEST, { id: broken.data!.createNotificationChannel.id });
    expect(failed.data).toMatchObject({
      sendTestNotification: { delivered: false, status: 400, delivery: { status: 'FAILED' } },
    });
    expect((await api.graphql(TEST, { id: 'missing' })).data).toEqual({
      sendTestNotification: { __typename: 'NotFoundError', id: 'missing' },
    });

    const log = await api.graphql<{ notificationLog: Record<string, unknown>[] }>(LOG, {
      status: 'FAILED',
    });
    expect(log.data?.notificationLog).toEqual([
      {
        channelName: 'broken',
        kind: 'test',
        status: 'FAILED',
        lastError: expect.stringContaining('400') as unknown,
        attemptCount: 1,
      },
    ]);
  });
});
