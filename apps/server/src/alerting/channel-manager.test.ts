import { alertingDb } from '@taurine/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAlertChannelEnv, readAlertChannelEnv } from './channel-env.ts';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { createServiceHarness } from '../testing/alerting-service-harness.ts';
import type { ServiceHarness } from '../testing/alerting-service-harness.ts';

const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX';
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcd';

let harness: ServiceHarness;
let hook: HttpReceiver;
beforeEach(async () => {
  harness = await createServiceHarness();
  // A path, so the masked URL shows that it hides one.
  hook = await startHttpReceiver(undefined, '/hook');
});
afterEach(async () => {
  await harness.cleanup();
  await hook.close();
});

describe('notification channels', () => {
  it('materialises env channels without storing or showing their secrets', async () => {
    const { service, store } = await harness.service({
      slackWebhookUrl: SLACK_URL,
      pagerDutyRoutingKey: ROUTING_KEY,
      alertWebhookUrl: `${hook.url}?token=very-secret-token`,
    });

    const channels = await service.channels();
    expect(channels.map((channel) => [channel.name, channel.source, channel.enabled])).toEqual([
      ['env-pagerduty', 'env', true],
      ['env-slack', 'env', true],
      ['env-webhook', 'env', true],
    ]);
    expect(channels.find((channel) => channel.name === 'env-slack')?.settings).toEqual([
      { name: 'webhookUrl', value: 'https://hooks.slack.com/••••' },
    ]);
    expect(channels.find((channel) => channel.name === 'env-pagerduty')?.settings).toEqual([
      { name: 'routingKey', value: '••••abcd' },
    ]);
    const shown = JSON.stringify(channels);
    const stored = JSON.stringify(
      await alertingDb(store.db).selectFrom('notification_channels').selectAll().execute(),
    );
    for (const secret of ['XXXXXXXXXXXXXXXXXXXXXXXX', ROUTING_KEY, 'very-secret-token']) {
      expect(shown).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('drops env channels whose variable is gone and keeps their enabled flag otherwise', async () => {
    const first = await harness.service({ slackWebhookUrl: SLACK_URL, alertWebhookUrl: hook.url });
    const slack = (await first.service.channels()).find((channel) => channel.name === 'env-slack');
    expect(await first.service.updateChannel(slack!.id, { enabled: false })).toMatchObject({
      ok: true,
      value: { enabled: false },
    });
    expect(
      await first.service.updateChannel(slack!.id, { webhookUrl: 'https://example.com/x' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation-error' } });
    await first.service.stop();

    const second = await harness.service({ slackWebhookUrl: SLACK_URL });
    expect((await second.service.channels()).map((c) => [c.name, c.enabled])).toEqual([
      ['env-slack', false],
    ]);
  });

  it('creates, validates, updates and deletes API channels with redacted reads', async () => {
    const { service } = await harness.service();
    const invalid = await service.createChannel({ name: 'ops', type: 'webhook', url: 'ftp://x' });
    expect(invalid).toMatchObject({
      ok: false,
      error: { kind: 'validation-error', errors: [{ field: 'settings.url' }] },
    });
    expect(
      await service.createChannel({ name: 'env-ops', type: 'webhook', url: hook.url }),
    ).toMatchObject({ ok: false, error: { errors: [{ field: 'name', code: 'reserved-name' }] } });

    const created = await service.createChannel({
      name: 'ops-hook',
      type: 'webhook',
      url: hook.url,
      secret: 'hmac-secret-0123456789',
      headers: { Authorization: 'Bearer abcdefghijklmnop' },
      retryPolicy: { maxRetries: 2, backoffMs: 500 },
    });
    expect(created).toMatchObject({ ok: true, value: { name: 'ops-hook', source: 'api' } });
    const id = created.ok ? created.value.id : '';
    expect(
      await service.createChannel({ name: 'ops-hook', type: 'webhook', url: hook.url }),
    ).toMatchObject({ ok: false, error: { errors: [{ code: 'taken' }] } });

    const updated = await service.updateChannel(id, { name: 'ops-hook-2', secret: '' });
    expect(updated).toMatchObject({ ok: true, value: { name: 'ops-hook-2' } });
    const [shown] = await service.channels();
    expect(shown?.settings).toEqual([
      { name: 'url', value: 'http://127.0.0.1:' + new URL(hook.url).port + '/••••' },
      { name: 'headers', value: 'Authorization: ••••mnop' },
      { name: 'retryPolicy', value: 'maxRetries: 2, backoffMs: 500' },
    ]);
    expect(await service.deleteChannel(id)).toEqual({ ok: true, value: { id } });
    expect(await service.deleteChannel(id)).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('sends a test notification right now and logs the attempt', async () => {
    const { service } = await harness.service({ alertWebhookUrl: hook.url });
    const [channel] = await service.channels();

    const result = await service.sendTestNotification(channel!.id);
    expect(result).toMatchObject({
      ok: true,
      value: { delivered: true, status: 200, reason: null, delivery: { status: 'sent' } },
    });
    expect(hook.bodies<{ event: string }>()).toMatchObject([{ event: 'alert.test' }]);
    const [logged] = await service.notificationLog({ channel: 'env-webhook' });
    expect(logged).toMatchObject({
      status: 'sent',
      notification: { kind: 'test' },
      attemptLog: [{ attempt: 1, ok: true, status: 200 }],
    });
    expect(await service.sendTestNotification('missing')).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});

describe('channel environment', () => {
  it('reads the variables and reports unusable ones without quoting them', () => {
    const env = readAlertChannelEnv(
      {
        SLACK_WEBHOOK_URL: 'not a url with a s3cret',
        ALERT_EMAIL_TO: 'ops@example.com',
        ALERT_WEBHOOK_URL: 'https://hooks.example.com/x',
      },
      'http://localhost:4000',
    );
    expect(env).toMatchObject({
      slackWebhookUrl: 'not a url with a s3cret',
      alertWebhookUrl: 'https://hooks.example.com/x',
      dashboardUrl: 'http://localhost:4000',
    });
    const problems = checkAlertChannelEnv(env);
    expect(problems).toEqual([
      'ALERT_EMAIL_TO is set but SMTP_URL is not: both are needed for email alerts',
      'SLACK_WEBHOOK_URL: webhookUrl must be an absolute http(s) URL',
    ]);
    expect(problems.join()).not.toContain('s3cret');
  });
});
