/**
 * Issue 5, "Done when": `ALERT_WEBHOOK_URL` points at a local receiver and the API p95 goes over a
 * rule's threshold. The first suite drives the real app (GraphQL, real requests, the collection
 * tick, the outbox dispatcher, a real HTTP receiver on 127.0.0.1). `buildApp` wires the wall clock
 * (`systemClock`) and takes no other, so the hour-long repeat and the 4-hour escalation run in
 * the second suite on the alerting service itself with a manual clock, real SQLite and the same
 * receiver.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertingService } from '../../apps/server/src/alerting/alerting-service.ts';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver, ReceivedRequest } from '@taurine/notify/testing';
import {
  MINUTE,
  T0,
  createServiceHarness,
} from '../../apps/server/src/testing/alerting-service-harness.ts';
import type { ServiceHarness } from '../../apps/server/src/testing/alerting-service-harness.ts';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import { breachRule } from '../testing/breach-rule.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';

const SECRET = 'e2e-webhook-signing-secret';
const RULE_ID = 'e2e.api-p95';
const HOUR = 60 * MINUTE;

interface WebhookBody {
  timestamp: string;
  event: string;
  data: {
    groupKey: string;
    idempotencyKey: string;
    kind: string;
    fingerprint: string;
    alertName: string;
    severity: string;
    metric: string;
    value: number | null;
    threshold: number | null;
    status: string;
    at: number;
    dashboardUrl: string;
  };
}

const bodyOf = (request: ReceivedRequest): WebhookBody => JSON.parse(request.body) as WebhookBody;
const eventsOf = (receiver: HttpReceiver): string[] =>
  receiver.requests.map((request) => bodyOf(request).event);

/** Polls `check` until it passes (it throws until then), for state settled after a response. */
async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const CREATE_RULE = /* GraphQL */ `
  mutation CreateRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      __typename
      ... on AlertRule {
        id
        threshold
      }
      ... on ValidationError {
        message
      }
    }
  }
`;
const UPDATE_RULE = /* GraphQL */ `
  mutation UpdateRule($id: ID!, $input: AlertRulePatch!) {
    updateAlertRule(id: $id, input: $input) {
      __typename
      ... on AlertRule {
        threshold
      }
    }
  }
`;
const ACKNOWLEDGE = /* GraphQL */ `
  mutation Acknowledge($id: ID!) {
    acknowledgeAlert(id: $id, comment: "looking into it") {
      __typename
      ... on Alert {
        status
        acknowledgedBy
      }
      ... on AlertActionError {
        code
      }
    }
  }
`;
const DASHBOARD = /* GraphQL */ `
  query Dashboard($status: [AlertStatus!]) {
    alerts(status: $status) {
      totalCount
      edges {
        node {
          id
          ruleId
          status
          severity
          priority
          value
          threshold
          history {
            to
            actor
          }
          deliveries {
            kind
            channelName
            status
            idempotencyKey
          }
        }
      }
    }
    snapshot {
      activeAlerts {
        fingerprint
        ruleId
        status
        severity
        threshold
      }
    }
  }
`;

interface AlertNode {
  id: string;
  ruleId: string;
  status: string;
  severity: string;
  priority: string;
  value: number | null;
  threshold: number;
  history: { to: string; actor: string }[];
  deliveries: { kind: string; channelName: string; status: string; idempotencyKey: string }[];
}
interface Dashboard {
  alerts: { totalCount: number; edges: { node: AlertNode }[] };
  snapshot: {
    activeAlerts: {
      fingerprint: string;
      ruleId: string;
      status: string;
      severity: string;
      threshold: number;
    }[];
  };
}

/** The rule of the example, with a threshold every real request exceeds. */
const LOW_P95_RULE = breachRule(RULE_ID);

describe('an API p95 alert through the real app and a real webhook receiver', () => {
  let receiver: HttpReceiver;
  let app: TestApp;
  beforeAll(async () => {
    receiver = await startHttpReceiver();
    app = await createTestApp({
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_SECRET: SECRET,
      DASHBOARD_URL: 'http://taurine.test/monitoring',
      CACHE_WARM_ON_START: 'false',
    });
  });
  afterAll(async () => {
    await app.dispose();
    await receiver.close();
  });

  const dashboard = async (status?: string[]): Promise<Dashboard> => {
    const result = await app.graphql<Dashboard>(DASHBOARD, { status });
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const trafficAndTick = async (): Promise<void> => {
    for (let i = 0; i < 5; i += 1) {
      const result = await app.graphql('{ flavors(first: 3) { totalCount } }', undefined, {
        'x-api-key': '',
      });
      expect(result.errors).toBeUndefined();
    }
    await app.services.collector.tick();
  };

  it(
    'fires, notifies the webhook signed, stops on acknowledgement and resolves',
    { timeout: 20_000 },
    async () => {
      const created = await app.graphql<{ createAlertRule: { __typename: string } }>(CREATE_RULE, {
        input: LOW_P95_RULE,
      });
      expect(created.data?.createAlertRule).toEqual({
        __typename: 'AlertRule',
        id: RULE_ID,
        threshold: 0,
      });

      await trafficAndTick();
      const tickedAt = Date.now();

      // The dashboard's data: the alert list and the snapshot's active alerts.
      const firing = await dashboard(['FIRING']);
      expect(firing.alerts.totalCount).toBe(1);
      const alert = firing.alerts.edges[0]!.node;
      expect(alert).toMatchObject({
        ruleId: RULE_ID,
        status: 'FIRING',
        severity: 'WARNING',
        priority: 'P2',
        threshold: 0,
      });
      expect(alert.value).toBeGreaterThan(0);
      expect(firing.snapshot.activeAlerts).toContainEqual({
        fingerprint: alert.id,
        ruleId: RULE_ID,
        status: 'firing',
        severity: 'warning',
        threshold: 0,
      });

      // The webhook delivery, right after the tick (the commit wakes the dispatcher).
      await receiver.waitFor(1, 2000);
      expect(Date.now() - tickedAt).toBeLessThan(2000);
      const [request] = receiver.requests;
      const body = bodyOf(request!);
      expect(request!.method).toBe('POST');
      expect(Object.keys(body).sort()).toEqual(['data', 'event', 'timestamp']);
      expect(body).toMatchObject({
        event: 'alert.firing',
        data: {
          groupKey: alert.id,
          fingerprint: alert.id,
          kind: 'firing',
          alertName: 'API p95 above 0 ms',
          severity: 'warning',
          metric: 'api.responseTime',
          threshold: 0,
          status: 'firing',
          // DASHBOARD_URL's trailing page is not part of the app's base: the link opens the alert.
          dashboardUrl: `http://taurine.test/alerts?alert=${alert.id}`,
        },
      });
      expect(body.data.value).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
      expect(request!.headers['idempotency-key']).toBe(body.data.idempotencyKey);
      expect(request!.headers['x-taurine-event']).toBe('alert.firing');
      expect(request!.headers['x-taurine-timestamp']).toBe(
        String(Math.floor(Date.parse(body.timestamp) / 1000)),
      );
      const signature = createHmac('sha256', SECRET).update(request!.body).digest('hex');
      expect(request!.headers['x-taurine-signature']).toBe(`sha256=${signature}`);

      // Still breached on the next tick: the same alert, no second notification.
      await trafficAndTick();
      const ours = (await dashboard()).alerts.edges.filter((edge) => edge.node.ruleId === RULE_ID);
      expect(ours.map((edge) => edge.node.id)).toEqual([alert.id]);

      // An operator acknowledges: the webhook hears it, and further ticks send nothing.
      const operator = await app.createKey('operator', 'on-call');
      const ack = await app.graphql(ACKNOWLEDGE, { id: alert.id }, { 'x-api-key': operator });
      expect(ack.data).toEqual({
        acknowledgeAlert: {
          __typename: 'Alert',
          status: 'ACKNOWLEDGED',
          acknowledgedBy: 'on-call',
        },
      });
      await receiver.waitFor(2, 2000);
      await trafficAndTick();
      await trafficAndTick();
      expect((await dashboard(['ACKNOWLEDGED'])).alerts.totalCount).toBe(1);

      // Raising the threshold clears the condition: the next tick resolves and notifies.
      const raised = await app.graphql(UPDATE_RULE, {
        id: RULE_ID,
        input: { threshold: 60_000 },
      });
      expect(raised.data).toEqual({
        updateAlertRule: { __typename: 'AlertRule', threshold: 60_000 },
      });
      await trafficAndTick();
      await receiver.waitFor(3, 2000);
      expect(eventsOf(receiver)).toEqual(['alert.firing', 'alert.acknowledged', 'alert.resolved']);
      const bodies = receiver.requests.map(bodyOf);
      expect(new Set(bodies.map((entry) => entry.data.groupKey))).toEqual(new Set([alert.id]));
      expect(new Set(bodies.map((entry) => entry.data.idempotencyKey)).size).toBe(3);
      expect(bodies[2]!.data.status).toBe('resolved');

      await eventually(async () => {
        const after = await dashboard(['RESOLVED']);
        expect(after.snapshot.activeAlerts.map((active) => active.ruleId)).not.toContain(RULE_ID);
        const resolved = after.alerts.edges[0]!.node;
        expect(resolved.history.map((step) => [step.to, step.actor])).toEqual([
          ['FIRING', 'system'],
          ['ACKNOWLEDGED', 'on-call'],
          ['RESOLVED', 'system'],
        ]);
        expect(resolved.deliveries.map((delivery) => [delivery.kind, delivery.status])).toEqual([
          ['resolved', 'SENT'],
          ['acknowledged', 'SENT'],
          ['firing', 'SENT'],
        ]);
        expect(resolved.deliveries.every((d) => d.channelName === 'env-webhook')).toBe(true);
      });
      // Exactly three requests: nothing was repeated or re-sent.
      expect(receiver.requests).toHaveLength(3);
    },
  );
});

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
          const body = bodyOf(request);
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

      const bodies = receiver.requests.map(bodyOf);
      expect(new Set(bodies.map((body) => body.data.groupKey))).toEqual(new Set([fingerprint]));
      expect(new Set(bodies.map((body) => body.data.idempotencyKey)).size).toBe(bodies.length);
      for (const request of receiver.requests) {
        const signature = createHmac('sha256', SECRET).update(request.body).digest('hex');
        expect(request.headers['x-taurine-signature']).toBe(`sha256=${signature}`);
      }
    },
  );
});
