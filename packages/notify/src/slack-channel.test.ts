import { afterEach, describe, expect, it } from 'vitest';
import { createSlackChannel } from './slack-channel.ts';
import { createFakeClock } from './testing/fake-clock.ts';
import { refusedUrl, scripted, startHttpReceiver } from './testing/http-receiver.ts';
import type { HttpReceiver } from './testing/http-receiver.ts';
import { SAMPLE_AT, sampleNotification } from './testing/sample-notification.ts';

const HOOK_PATH = '/services/T0TAURINE/B0ALERTS/s3cr3tH00kT0ken';

describe('Slack channel', () => {
  let receiver: HttpReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('posts the attachment message and succeeds on 200 "ok"', async () => {
    receiver = await startHttpReceiver(scripted({ status: 200, body: 'ok' }), HOOK_PATH);
    const slack = createSlackChannel({ webhookUrl: receiver.url, clock: createFakeClock() });

    const result = await slack.send(sampleNotification());

    expect(result).toEqual({ ok: true, status: 200 });
    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(HOOK_PATH);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      attachments: [
        {
          fallback: '[FIRING] High error rate: api.errorRate = 7.25 % (avg over 5 min &gt; 5 %)',
          color: '#d00000',
          title: '[FIRING] High error rate',
          title_link: 'https://taurine.example.com/dashboard?alert=42',
          text: 'api.errorRate = 7.25 % (avg over 5 min &gt; 5 %)\nErrors on /graphql since the 11:55 deploy',
          fields: [
            { title: 'Severity', value: 'critical', short: true },
            { title: 'Time', value: '2025-01-15T12:00:00.000Z', short: true },
            { title: 'Metric', value: 'api.errorRate', short: true },
            { title: 'Value', value: '7.25 % (threshold 5 %)', short: true },
          ],
          footer: 'Taurine',
          ts: SAMPLE_AT / 1000,
        },
      ],
    });
  });

  it('colours by severity, resolved is "good", and escapes Slack control sequences', async () => {
    receiver = await startHttpReceiver(scripted({ status: 200, body: 'ok' }));
    const slack = createSlackChannel({ webhookUrl: receiver.url, minIntervalMs: 1 });
    const colorOf = async (
      overrides: Parameters<typeof sampleNotification>[0],
    ): Promise<unknown> => {
      await slack.send(sampleNotification(overrides));
      const body = JSON.parse(receiver?.requests.at(-1)?.body ?? '') as {
        attachments: { color: string; text: string }[];
      };
      return body.attachments[0];
    };

    expect(await colorOf({ severity: 'error' })).toMatchObject({ color: 'danger' });
    expect(await colorOf({ severity: 'warning' })).toMatchObject({ color: '#daa038' });
    expect(await colorOf({ severity: 'info' })).toMatchObject({ color: '#439fe0' });
    expect(await colorOf({ kind: 'resolved', status: 'resolved' })).toMatchObject({
      color: 'good',
    });
    expect(
      await colorOf({
        summary: '<!channel> ping & <https://evil.example|click>',
        description: undefined,
      }),
    ).toMatchObject({ text: '&lt;!channel&gt; ping &amp; &lt;https://evil.example|click&gt;' });
  });

  it('honours 429 Retry-After and holds the webhook for that long', async () => {
    receiver = await startHttpReceiver(
      scripted(
        { status: 429, headers: { 'retry-after': '7' }, body: 'rate_limited' },
        { status: 200, body: 'ok' },
      ),
    );
    const clock = createFakeClock();
    const slack = createSlackChannel({ webhookUrl: receiver.url, clock, sleep: clock.sleep });

    expect(await slack.send(sampleNotification())).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 7000,
      status: 429,
      reason:
        'Slack webhook at 127.0.0.1:' + new URL(receiver.url).port + ' answered 429: rate_limited',
    });
    const held = await slack.send(sampleNotification());
    expect(held).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000 });
    expect(receiver.requests).toHaveLength(1);

    clock.advance(7000);
    expect(await slack.send(sampleNotification())).toEqual({ ok: true, status: 200 });
  });

  it('retries 5xx and network errors, not other 4xx or an unexpected 200 body', async () => {
    receiver = await startHttpReceiver(
      scripted(
        { status: 503, body: 'service unavailable' },
        { status: 404, body: 'no_service' },
        { status: 200, body: 'invalid_payload' },
      ),
    );
    const slack = createSlackChannel({ webhookUrl: receiver.url, minIntervalMs: 1 });

    expect(await slack.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: true,
      status: 503,
    });
    expect(await slack.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: false,
      status: 404,
    });
    expect(await slack.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: false,
      status: 200,
    });

    const refused = createSlackChannel({ webhookUrl: await refusedUrl(HOOK_PATH) });
    const result = await refused.send(sampleNotification());
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok ? '' : result.reason).toMatch(/connection failed \(ECONNREFUSED\)$/);
  });

  it('never shows the webhook path in a reason, even when the receiver echoes it', async () => {
    receiver = await startHttpReceiver(
      (request) => ({ status: 403, body: `invalid_token for ${request.path}` }),
      HOOK_PATH,
    );
    const slack = createSlackChannel({ webhookUrl: receiver.url });

    const result = await slack.send(sampleNotification());

    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason).toContain('answered 403: invalid_token for');
    expect(reason).toContain('[redacted]');
    expect(reason).not.toContain('s3cr3tH00kT0ken');
    expect(reason).not.toContain('B0ALERTS');
  });

  it('spaces messages to one webhook at least 1 s apart without real waiting', async () => {
    receiver = await startHttpReceiver(scripted({ status: 200, body: 'ok' }));
    const clock = createFakeClock();
    const receivedAt: number[] = [];
    const timed = receiver;
    const slack = createSlackChannel({ webhookUrl: timed.url, clock, sleep: clock.sleep });
    const started = performance.now();

    for (let message = 0; message < 4; message += 1) {
      await slack.send(sampleNotification({ idempotencyKey: `k${message}` }));
      receivedAt.push(clock.now());
    }

    expect(timed.requests).toHaveLength(4);
    const gaps = receivedAt.slice(1).map((at, index) => at - (receivedAt[index] ?? 0));
    expect(gaps.every((gap) => gap >= 1000)).toBe(true);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('queues concurrent messages in call order, spaced by the interval (real timers)', async () => {
    const arrivals: number[] = [];
    receiver = await startHttpReceiver(() => {
      arrivals.push(performance.now());
      return { status: 200, body: 'ok' };
    });
    const slack = createSlackChannel({ webhookUrl: receiver.url, minIntervalMs: 200 });

    const results = await Promise.all(
      ['a', 'b', 'c'].map((key) => slack.send(sampleNotification({ idempotencyKey: key }))),
    );

    expect(results.every((result) => result.ok)).toBe(true);
    const gaps = arrivals.slice(1).map((at, index) => at - (arrivals[index] ?? 0));
    // 50 ms of slack for socket jitter between the limiter's start and the arrival.
    expect(gaps.every((gap) => gap >= 150)).toBe(true);
  });

  it('rejects bad options with exact messages that do not echo the URL', () => {
    expect(() => createSlackChannel({ webhookUrl: 'hooks.slack.com/services/T/B/secret' })).toThrow(
      'createSlackChannel: webhookUrl must be an absolute http(s) URL',
    );
    expect(() =>
      createSlackChannel({ webhookUrl: 'https://hooks.slack.com/services/x', timeoutMs: 0 }),
    ).toThrow('createSlackChannel: timeoutMs must be a positive finite number');
    expect(() =>
      createSlackChannel({ webhookUrl: 'https://hooks.slack.com/services/x', minIntervalMs: -1 }),
    ).toThrow('createRateLimiter: minIntervalMs must be a positive finite number');
    expect(() =>
      createSlackChannel({ webhookUrl: 'https://hooks.slack.com/services/x', name: ' ' }),
    ).toThrow('createSlackChannel: name must be a non-empty string');
  });
});
