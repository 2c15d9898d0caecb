import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { LATENCY_RULE, createServiceHarness } from '../testing/alerting-service-harness.ts';
import type { ServiceHarness } from '../testing/alerting-service-harness.ts';

/** A share the tests record (0..1), declared in `ratio` like `api.errorRate`. */
const SHARE_METRIC = 'test.errorShare';

const SHARE_RULE = {
  id: 'test.error-share',
  name: 'Test error share above 2 %',
  metric: SHARE_METRIC,
  stat: 'last',
  window: '5m',
  comparison: '>',
  threshold: 0.02,
  severity: 'error',
  forMs: 0,
  noDataState: 'ok',
} as const;

interface SlackBody {
  attachments: { text: string; fields: { title: string; value: string }[] }[];
}
interface WebhookBody {
  data: {
    summary: string;
    value: number;
    threshold: number;
    unit: string;
    valueText: string;
    thresholdText: string;
  };
}

let harness: ServiceHarness;
let receivers: HttpReceiver[];
beforeEach(async () => {
  harness = await createServiceHarness();
  receivers = [];
});
afterEach(async () => {
  await harness.cleanup();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

async function receiver(): Promise<HttpReceiver> {
  const started = await startHttpReceiver();
  receivers.push(started);
  return started;
}

describe('numbers in delivered notifications', () => {
  it('writes a ratio as percent to Slack and the webhook, keeping raw numbers in the JSON', async () => {
    const slack = await receiver();
    const hook = await receiver();
    const { service } = await harness.service(
      { slackWebhookUrl: slack.url, alertWebhookUrl: hook.url },
      { dispatchIntervalMs: 60_000 },
    );
    harness.registry.define(SHARE_METRIC, 'gauge', { unit: 'ratio', help: 'Test share' });
    harness.registry.gauge(SHARE_METRIC, 0.0267);
    expect((await service.createRule(SHARE_RULE)).ok).toBe(true);

    await service.evaluate();
    await Promise.all([slack.waitFor(1), hook.waitFor(1)]);

    const [message] = slack.bodies<SlackBody>();
    const attachment = message!.attachments[0]!;
    expect(attachment.text).toBe('test.errorShare = 2.67 % (last over 5 min &gt; 2 %)');
    expect(attachment.fields).toContainEqual(
      expect.objectContaining({ title: 'Value', value: '2.67 % (threshold 2 %)' }),
    );
    const [body] = hook.bodies<WebhookBody>();
    expect(body!.data).toMatchObject({
      value: 0.0267,
      threshold: 0.02,
      unit: 'ratio',
      valueText: '2.67 %',
      thresholdText: '2 %',
      summary: 'test.errorShare = 2.67 % (last over 5 min > 2 %)',
    });
  });

  it('writes a millisecond latency in seconds, threshold in the same unit', async () => {
    const hook = await receiver();
    const { service } = await harness.service(
      { alertWebhookUrl: hook.url },
      { dispatchIntervalMs: 60_000 },
    );
    harness.registry.define(LATENCY_RULE.metric, 'distribution', { unit: 'ms', help: 'Test' });
    harness.record(2500);
    expect((await service.createRule(LATENCY_RULE)).ok).toBe(true);

    await service.evaluate();
    await hook.waitFor(1);

    const [body] = hook.bodies<WebhookBody>();
    expect(body!.data).toMatchObject({
      value: 2500,
      valueText: '2.50 s',
      thresholdText: '2 s',
      summary: 'test.latency = 2.50 s (p95 over 1 min > 2 s)',
    });
  });
});
