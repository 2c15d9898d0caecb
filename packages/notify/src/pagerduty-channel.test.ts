import { afterEach, describe, expect, it } from 'vitest';
import { createPagerDutyChannel, PAGERDUTY_EVENTS_URL } from './pagerduty-channel.ts';
import { scripted, startHttpReceiver } from './testing/http-receiver.ts';
import type { HttpReceiver } from './testing/http-receiver.ts';
import { sampleNotification } from './testing/sample-notification.ts';

const ROUTING_KEY = 'R0UT1NGK3Y0123456789abcdefABCDEF';
const ACCEPTED = { status: 202, body: '{"status":"success","message":"Event processed"}' };

describe('PagerDuty channel', () => {
  let receiver: HttpReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  const channelFor = (url: string) =>
    createPagerDutyChannel({ routingKey: ROUTING_KEY, endpoint: url, source: 'taurine-eu' });

  it('triggers with the Events API v2 body and succeeds on 202', async () => {
    receiver = await startHttpReceiver(scripted(ACCEPTED), '/v2/enqueue');

    const result = await channelFor(receiver.url).send(sampleNotification());

    expect(result).toEqual({ ok: true, status: 202 });
    expect(receiver.requests[0]?.path).toBe('/v2/enqueue');
    expect(receiver.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(receiver.requests[0]?.body ?? '')).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'fp-error-rate-eu',
      payload: {
        summary: '[FIRING] High error rate: api.errorRate = 7.25 % (avg over 5 min > 5 %)',
        source: 'taurine-eu',
        severity: 'critical',
        timestamp: '2025-01-15T12:00:00.000Z',
        custom_details: {
          kind: 'firing',
          metric: 'api.errorRate',
          value: 0.0725,
          threshold: 0.05,
          unit: 'ratio',
          valueText: '7.25 %',
          thresholdText: '5 %',
          status: 'firing',
          startsAt: '2025-01-15T11:55:00.000Z',
          idempotencyKey: 'alert-42:firing:1',
          description: 'Errors on /graphql since the 11:55 deploy',
          recommendedActions: ['Roll back the 11:55 deploy', 'Check the upstream API status'],
          tags: { environment: 'production', region: 'eu-west-1' },
        },
      },
      client: 'Taurine',
      client_url: 'https://taurine.example.com/dashboard?alert=42',
    });
  });

  it('acknowledges and resolves by dedup_key without a payload', async () => {
    receiver = await startHttpReceiver(scripted(ACCEPTED));
    const pagerDuty = channelFor(receiver.url);

    await pagerDuty.send(sampleNotification({ kind: 'acknowledged', status: 'acknowledged' }));
    await pagerDuty.send(sampleNotification({ kind: 'resolved', status: 'resolved' }));

    expect(receiver.requests.map((request) => JSON.parse(request.body) as unknown)).toEqual([
      { routing_key: ROUTING_KEY, event_action: 'acknowledge', dedup_key: 'fp-error-rate-eu' },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'fp-error-rate-eu' },
    ]);
  });

  it('maps every severity and re-triggers repeats and escalations on the same incident', async () => {
    receiver = await startHttpReceiver(scripted(ACCEPTED));
    const pagerDuty = channelFor(receiver.url);

    for (const severity of ['critical', 'error', 'warning', 'info'] as const) {
      await pagerDuty.send(sampleNotification({ severity, kind: 'escalation' }));
    }

    const events = receiver.requests.map(
      (request) =>
        JSON.parse(request.body) as {
          event_action: string;
          dedup_key: string;
          payload: { severity: string };
        },
    );
    expect(events.map((event) => event.payload.severity)).toEqual([
      'critical',
      'error',
      'warning',
      'info',
    ]);
    expect(new Set(events.map((event) => `${event.event_action}/${event.dedup_key}`))).toEqual(
      new Set(['trigger/fp-error-rate-eu']),
    );
  });

  it('treats 400 as final without echoing the routing key, and retries 429 and 5xx', async () => {
    receiver = await startHttpReceiver(
      scripted(
        {
          status: 400,
          body: `{"status":"invalid event","errors":["routing_key ${ROUTING_KEY} unknown"]}`,
        },
        { status: 429, body: '' },
        { status: 502, body: 'bad gateway' },
      ),
    );
    const pagerDuty = channelFor(receiver.url);

    const invalid = await pagerDuty.send(sampleNotification());
    expect(invalid).toMatchObject({ ok: false, retryable: false, status: 400 });
    const reason = invalid.ok ? '' : invalid.reason;
    expect(reason).toContain('PagerDuty at 127.0.0.1');
    expect(reason).toContain('answered 400');
    expect(reason).not.toContain(ROUTING_KEY);

    expect(await pagerDuty.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: true,
      status: 429,
    });
    expect(await pagerDuty.send(sampleNotification())).toMatchObject({
      ok: false,
      retryable: true,
      status: 502,
    });
  });

  it('defaults to the public endpoint and rejects bad options with exact messages', () => {
    expect(PAGERDUTY_EVENTS_URL).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(createPagerDutyChannel({ routingKey: ROUTING_KEY })).toMatchObject({
      type: 'pagerduty',
      name: 'pagerduty',
    });
    expect(() => createPagerDutyChannel({ routingKey: '' })).toThrow(
      'createPagerDutyChannel: routingKey must be a non-empty string',
    );
    expect(() => createPagerDutyChannel({ routingKey: ROUTING_KEY, endpoint: 'ftp://x' })).toThrow(
      'createPagerDutyChannel: endpoint must be an absolute http(s) URL',
    );
  });
});
