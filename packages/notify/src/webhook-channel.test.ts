import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock } from './testing/fake-clock.ts';
import { refusedUrl, scripted, startHttpReceiver } from './testing/http-receiver.ts';
import type { HttpReceiver } from './testing/http-receiver.ts';
import { SAMPLE_AT, sampleNotification } from './testing/sample-notification.ts';
import { createWebhookChannel } from './webhook-channel.ts';

const SECRET = 'whsec_9f8e7d6c5b4a';

/** What a receiver does to verify a request. */
function verifySignature(rawBody: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`,
  );
  const received = Buffer.from(header ?? '');
  return expected.length === received.length && timingSafeEqual(expected, received);
}

describe('webhook channel', () => {
  let receiver: HttpReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('posts { timestamp, event, data } with groupKey, idempotency and a verifiable signature', async () => {
    receiver = await startHttpReceiver(scripted({ status: 204 }), '/hooks/taurine');
    const clock = createFakeClock(SAMPLE_AT + 1500);
    const webhook = createWebhookChannel({
      url: receiver.url,
      secret: SECRET,
      headers: { Authorization: 'Bearer t0k3n-abc', 'X-Team': 'sre' },
      clock,
    });
    const notification = sampleNotification();

    expect(await webhook.send(notification)).toEqual({ ok: true, status: 204 });

    const request = receiver.requests[0];
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'alert-42:firing:1',
      'x-taurine-event': 'alert.firing',
      'x-taurine-timestamp': String(Math.floor((SAMPLE_AT + 1500) / 1000)),
      authorization: 'Bearer t0k3n-abc',
      'x-team': 'sre',
    });
    expect(JSON.parse(request?.body ?? '')).toEqual({
      timestamp: '2025-01-15T12:00:01.500Z',
      event: 'alert.firing',
      data: {
        groupKey: 'fp-error-rate-eu',
        ...notification,
        valueText: '7.25 %',
        thresholdText: '5 %',
      },
    });
    const signature = request?.headers['x-taurine-signature'];
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(request?.body ?? '', String(signature), SECRET)).toBe(true);
    expect(verifySignature(request?.body ?? '', String(signature), 'wrong-secret')).toBe(false);
  });

  it('sends unsigned when no secret is configured', async () => {
    receiver = await startHttpReceiver(scripted({ status: 200 }));
    await createWebhookChannel({ url: receiver.url }).send(sampleNotification());
    expect(receiver.requests[0]?.headers['x-taurine-signature']).toBeUndefined();
  });

  it('keeps URL tokens, the secret and header values out of reasons', async () => {
    receiver = await startHttpReceiver(
      (request) => ({
        status: 401,
        body: `bad credentials ${request.headers.authorization ?? ''} for ${request.path}`,
      }),
      '/hook/abcdef123456?token=qs-t0ken-999',
    );
    const webhook = createWebhookChannel({
      url: receiver.url,
      secret: SECRET,
      headers: { Authorization: 'Bearer t0k3n-abc' },
    });

    const result = await webhook.send(sampleNotification());

    expect(result).toMatchObject({ ok: false, retryable: false, status: 401 });
    const reason = result.ok ? '' : result.reason;
    expect(reason).toMatch(/^webhook at 127\.0\.0\.1:\d+ answered 401: bad credentials/);
    expect(reason).toContain('[redacted]');
    for (const secret of ['t0k3n-abc', 'abcdef123456', 'qs-t0ken-999', SECRET]) {
      expect(reason).not.toContain(secret);
    }
  });

  it('retries timeouts, refused connections, 429 and 5xx; never follows redirects', async () => {
    receiver = await startHttpReceiver(
      scripted(
        'hang',
        { status: 429, headers: { 'retry-after': '120' } },
        { status: 500 },
        { status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } },
      ),
    );
    // Only the hanging answer may time out: on a loaded machine a real answer can take longer
    // than a short timeout, so the other sends get a patient channel.
    const hasty = createWebhookChannel({ url: receiver.url, timeoutMs: 100 });
    const webhook = createWebhookChannel({ url: receiver.url, timeoutMs: 30_000 });
    const target = `webhook at ${new URL(receiver.url).host}`;

    expect(await hasty.send(sampleNotification())).toEqual({
      ok: false,
      retryable: true,
      reason: `${target}: no response within 100 ms`,
    });
    expect(await webhook.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: true,
      status: 429,
      retryAfterMs: 120_000,
    });
    expect(await webhook.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: true,
      status: 500,
    });
    expect(await webhook.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: false,
      status: 302,
    });
    expect(receiver.requests).toHaveLength(4);

    const refused = await createWebhookChannel({ url: await refusedUrl() }).send(
      sampleNotification(),
    );
    expect(refused).toMatchObject({ ok: false, retryable: true });
    expect(refused.ok ? '' : refused.reason).toMatch(/connection failed \(ECONNREFUSED\)/);
  });

  it('exposes its retry policy and rejects bad options with exact messages', () => {
    const url = 'https://hooks.example.com/x';
    expect(
      createWebhookChannel({ url, retryPolicy: { maxRetries: 3, backoffMs: 500 } }).retryPolicy,
    ).toEqual({
      maxRetries: 3,
      backoffMs: 500,
    });
    expect(() => createWebhookChannel({ url, headers: { 'idempotency-key': 'x' } })).toThrow(
      'createWebhookChannel: headers must not set the reserved header "idempotency-key"',
    );
    expect(() =>
      createWebhookChannel({ url, retryPolicy: { maxRetries: -1, backoffMs: 10 } }),
    ).toThrow('createWebhookChannel: retryPolicy.maxRetries must be a non-negative integer');
    expect(() =>
      createWebhookChannel({ url, retryPolicy: { maxRetries: 1, backoffMs: 0 } }),
    ).toThrow('createWebhookChannel: retryPolicy.backoffMs must be a positive finite number');
    expect(() => createWebhookChannel({ url, headers: { 'X-Token': 'a\r\nInjected: 1' } })).toThrow(
      'createWebhookChannel: headers must be valid HTTP header names and values',
    );
    expect(() => createWebhookChannel({ url, secret: '' })).toThrow(
      'createWebhookChannel: secret must be a non-empty string',
    );
    expect(() => createWebhookChannel({ url: '/relative' })).toThrow(
      'createWebhookChannel: url must be an absolute http(s) URL',
    );
  });
});
