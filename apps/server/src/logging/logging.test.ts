import { Writable } from 'node:stream';
import { generateApiKey } from '../access/api-keys.ts';
import { startHttpReceiver } from '@taurine/notify/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { LATENCY_RULE, createServiceHarness } from '../testing/alerting-service-harness.ts';
import { createTestApp } from '../testing/test-app.ts';
import { createLogger, maskSecrets } from './logger.ts';

/** A destination that keeps every line the logger writes, parsed. */
function captureLines() {
  const lines: Record<string, unknown>[] = [];
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines, text: () => text };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('LOG_LEVEL', () => {
  it('accepts pino levels and silent, defaults to info (silent under NODE_ENV=test)', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('refuses an unknown level with a clear error', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (got "loud")',
    );
  });
});

describe('maskSecrets', () => {
  it('hides fields named like secrets and the credentials of URLs', () => {
    expect(
      maskSecrets({
        adminApiKey: 'tk_x',
        nested: { alertWebhookSecret: 's', smtpPassword: 'p', apiToken: 't', unset: undefined },
        databaseUrl: 'postgres://app:hunter2@db:5432/taurine',
        redisUrl: 'redis://127.0.0.1:6379',
        slackWebhookUrl: 'https://hooks.slack.com/services/T/B/x',
        port: 4000,
      }),
    ).toEqual({
      adminApiKey: '***',
      nested: { alertWebhookSecret: '***', smtpPassword: '***', apiToken: '***', unset: undefined },
      databaseUrl: 'postgres://***@db:5432/taurine',
      redisUrl: 'redis://127.0.0.1:6379',
      slackWebhookUrl: '***',
      port: 4000,
    });
  });
});

describe('server log', () => {
  it('logs the config summary without secrets, the start line and a refused key', async () => {
    const log = captureLines();
    const app = await createTestApp(
      {
        LOG_LEVEL: 'info',
        SMTP_URL: 'smtp://mailer:hunter2@127.0.0.1:2525',
        ALERT_EMAIL_TO: 'ops@example.com',
      },
      {},
      { logDestination: log.stream },
    );
    cleanups.push(() => app.dispose());
    const { url } = await app.start();

    const config = log.lines.find((line) => line['event'] === 'config');
    expect(config).toMatchObject({
      level: 30,
      config: {
        adminApiKey: '***',
        alertChannels: { smtpUrl: 'smtp://***@127.0.0.1:2525' },
        logLevel: 'info',
      },
    });
    const start = log.lines.find((line) => line['event'] === 'start');
    expect(start).toMatchObject({ level: 30, url, instance: app.services.config.instanceId });
    expect(start!['msg']).toContain(`Taurine is serving on ${url} `);

    const wrongKey = generateApiKey().key;
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': wrongKey },
      body: JSON.stringify({ query: '{ apiKeys { id } }' }),
    });
    // GraphQL refuses the field in band: HTTP 200 with an UNAUTHENTICATED error.
    expect(response.status).toBe(200);
    expect(log.lines.filter((line) => line['event'] === 'refused')).toEqual([
      expect.objectContaining({
        level: 40,
        status: 200,
        method: 'POST',
        path: '/graphql',
        withKey: true,
        code: 'UNAUTHENTICATED',
        reason: expect.stringContaining('apiKeys') as string,
      }),
    ]);
    const metrics = await fetch(`${url}/metrics`, { headers: { 'x-api-key': wrongKey } });
    expect(metrics.status).toBe(401);
    expect(log.lines.filter((line) => line['event'] === 'refused').at(-1)).toMatchObject({
      level: 40,
      status: 401,
      path: '/metrics',
    });

    for (const secret of ['hunter2', app.adminKey, wrongKey])
      expect(log.text()).not.toContain(secret);
  });

  it('logs an alert firing with its rule and value, and a failed delivery', async () => {
    const harness = await createServiceHarness();
    cleanups.push(() => harness.cleanup());
    const hook = await startHttpReceiver(() => ({ status: 503 }));
    cleanups.push(() => hook.close());
    const log = captureLines();
    const logger = createLogger(
      {
        logLevel: 'info',
        instanceId: 'test',
        service: { name: 'taurine', version: '', region: '', deployment: '' },
      },
      log.stream,
    );
    const { service } = await harness.service({ alertWebhookUrl: hook.url }, { logger });
    harness.record(2500);
    await service.createRule(LATENCY_RULE);
    await service.evaluate();
    await service.dispatch();

    expect(log.lines.find((line) => line['event'] === 'alert')).toMatchObject({
      level: 30,
      to: 'firing',
      rule: LATENCY_RULE.name,
      // The test metric has no unit: grouped digits.
      value: '2,500',
      threshold: '2,000',
      msg: `alert firing: ${LATENCY_RULE.name} (value 2,500, threshold 2,000)`,
    });
    expect(log.lines.find((line) => line['event'] === 'delivery-failed')).toMatchObject({
      level: 40,
      channel: 'env-webhook',
      attempt: 1,
      status: 503,
      retryable: true,
    });
  });
});
