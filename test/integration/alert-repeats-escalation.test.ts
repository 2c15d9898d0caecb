/**
 * Issue 5's repeat and escalation: `buildApp` wires the wall clock (`systemClock`) and takes no
 * other, so the hour-long repeat and the 4-hour escalation run here on the alerting service itself
 * with a manual clock, real SQLite and a real HTTP receiver on 127.0.0.1. The same alert through
 * the whole app: `alert-webhook-lifecycle.test.ts`.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertingService } from '../../apps/server/src/alerting/alerting-service.ts';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import {
  MINUTE,
  T0,
  createServiceHarness,
} from '../../apps/server/src/testing/alerting-service-harness.ts';
import type { ServiceHarness } from '../../apps/server/src/testing/alerting-service-harness.ts';
import { webhookBody } from '../testing/alerting-server.ts';

const SECRET = 'e2e-webhook-signing-secret';
const RULE_ID = 'e2e.api-p95';
const HOUR = 60 * MINUTE;

describe('repeats and escalation over virtual hours (the service, a manual clock)', () => {
  let harness: ServiceHarness;
  let receiver: HttpReceiver;
  let service: AlertingService;
  beforeEach(async () => {
    harness = await createServiceHarness();
    receiver = await startHttpReceiver();
    ({ service } = await harness.service({
      alertWebhookUrl: receiver.url,
      alertWebhookSecret: SECRET,
    }));
  });
  afterEach(async () => {
    await harness.cleanup();
    await receiver.close();
  });

  /** Advances the clock `minutes` in collection ticks of 5 minutes, with traffic in each. */
  const run = async (minutes: number, traffic = true): Promise<void> => {
    for (let elapsed = 0; elapsed < minutes; elapsed += 5) {
      harness.clock.advance(5 * MINUTE);
      if (traffic) harness.registry.distribution('api.responseTime', 40, { endpoint: '/graphql' });
      await service.evaluate();
      await service.dispatch();
    }
  };

  it(
    'repeats a warning hourly, escalates it after 4 h, and goes quiet once acknowledged',
    { timeout: 20_000 },
    async () => {
      const created = await service.createRule({
        id: RULE_ID,
        name: 'API p95 above 0 ms',
        metric: 'api.responseTime',
        stat: 'p95',
        window: '5m',
        comparison: '>',
        threshold: 0,
        severity: 'warning',
        forMs: 0,
        noDataState: 'ok',
      });
      expect(created.ok).toBe(true);
      harness.registry.distribution('api.responseTime', 40, { endpoint: '/graphql' });
      await service.evaluate();
      await service.dispatch();
      const fingerprint = service.activeAlerts().find((a) => a.ruleId === RULE_ID)!.fingerprint;

      // P2: a repeat every hour while unacknowledged; at 4 h the escalation takes the repeat's place.
      await run((4 * HOUR) / MINUTE);
      const timeline = (): [string, number][] =>
        receiver.requests.map((request) => {
          const body = webhookBody(request);
          return [body.event, (body.data.at - T0) / MINUTE];
        });
      expect(timeline()).toEqual([
        ['alert.firing', 0],
        ['alert.repeat', 60],
        ['alert.repeat', 120],
        ['alert.repeat', 180],
        ['alert.escalation', 240],
      ]);
      expect((await service.alert(fingerprint))?.alert.escalationLevel).toBe(1);

      const ack = await service.acknowledge(fingerprint, 'alice', 'looking into it');
      expect(ack).toMatchObject({ ok: true, value: { status: 'acknowledged' } });
      await service.dispatch();
      // Eight more hours still breached: the second escalation (8 h) and every repeat stay quiet.
      await run((8 * HOUR) / MINUTE);
      expect(timeline().slice(5)).toEqual([['alert.acknowledged', 240]]);

      const raised = await service.updateRule(RULE_ID, { threshold: 60_000 });
      expect(raised.ok).toBe(true);
      await run(5);
      expect(timeline().slice(5)).toEqual([
        ['alert.acknowledged', 240],
        ['alert.resolved', 725],
      ]);

      const bodies = receiver.requests.map(webhookBody);
      expect(new Set(bodies.map((body) => body.data.groupKey))).toEqual(new Set([fingerprint]));
      expect(new Set(bodies.map((body) => body.data.idempotencyKey)).size).toBe(bodies.length);
      for (const request of receiver.requests) {
        const signature = createHmac('sha256', SECRET).update(request.body).digest('hex');
        expect(request.headers['x-taurine-signature']).toBe(`sha256=${signature}`);
      }
    },
  );
});
