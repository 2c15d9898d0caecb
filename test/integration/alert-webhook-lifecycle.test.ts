/**
 * Issue 5, "Done when": `ALERT_WEBHOOK_URL` points at a local receiver and the API p95 goes over a
 * rule's threshold. This suite drives the real app (GraphQL, real requests, the collection tick,
 * the outbox dispatcher, a real HTTP receiver on 127.0.0.1): the alert fires, the webhook hears
 * it signed, an acknowledgement silences it and a raised threshold resolves it. The hour-long
 * repeat and the 4-hour escalation need a manual clock: `alert-repeats-escalation.test.ts`.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { webhookBody } from '../testing/alerting-server.ts';
import { breachRule } from '../testing/breach-rule.ts';

const SECRET = 'e2e-webhook-signing-secret';
const RULE_ID = 'e2e.api-p95';

const eventsOf = (receiver: HttpReceiver): string[] =>
  receiver.requests.map((request) => webhookBody(request).event);

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
      const body = webhookBody(request!);
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
      const bodies = receiver.requests.map(webhookBody);
      expect(new Set(bodies.map((entry) => entry.data.groupKey))).toEqual(new Set([alert.id]));
      expect(new Set(bodies.map((entry) => entry.data.idempotencyKey)).size).toBe(3);
      expect(bodies[2]!.data.status).toBe('resolved');

      // State settled after the response: polled until it holds, within a deadline.
      await vi.waitFor(
        async () => {
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
        },
        { timeout: 3000, interval: 25 },
      );
      // Exactly three requests: nothing was repeated or re-sent.
      expect(receiver.requests).toHaveLength(3);
    },
  );
});
