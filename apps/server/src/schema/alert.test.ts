import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import type { Principal } from '../access/principal.ts';
import { createSchemaHarness } from '../testing/alerting-schema-harness.ts';
import type { SchemaHarness } from '../testing/alerting-schema-harness.ts';
import { LATENCY_RULE, MINUTE } from '../testing/alerting-service-harness.ts';

const CREATE_RULE = /* GraphQL */ `
  mutation ($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      __typename
      ... on AlertRule {
        id
        metric
        window
        stat
        comparison
        severity
        builtIn
      }
      ... on ValidationError {
        message
        errors {
          field
          code
        }
      }
    }
  }
`;

const ALERTS = /* GraphQL */ `
  query ($status: [AlertStatus!], $first: Int, $after: String) {
    alerts(status: $status, first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      edges {
        node {
          id
          name
          status
          severity
          priority
          value
          threshold
          window
          stat
          tags {
            key
            value
          }
          history {
            from
            to
            actor
          }
          deliveries {
            channelName
            kind
            status
            attemptCount
            attempts {
              ok
              status
            }
          }
        }
      }
    }
  }
`;

const ACKNOWLEDGE = /* GraphQL */ `
  mutation ($id: ID!, $comment: String) {
    acknowledgeAlert(id: $id, comment: $comment) {
      __typename
      ... on Alert {
        status
        acknowledgedBy
      }
      ... on AlertActionError {
        code
        alertStatus
        message
      }
      ... on NotFoundError {
        id
      }
    }
  }
`;

const ruleInput = {
  id: LATENCY_RULE.id,
  name: LATENCY_RULE.name,
  metric: LATENCY_RULE.metric,
  stat: 'P95',
  window: 'LAST_1M',
  comparison: 'GT',
  threshold: 2000,
  severity: 'ERROR',
  forMs: 0,
  noDataState: 'OK',
};

let api: SchemaHarness;
let hook: HttpReceiver;
beforeEach(async () => {
  hook = await startHttpReceiver();
  api = await createSchemaHarness({ alertWebhookUrl: hook.url });
});
afterEach(async () => {
  await api.cleanup();
  await hook.close();
});

describe('alert schema', () => {
  it('lists a firing alert with its history and deliveries, then acknowledges it', async () => {
    api.harness.record(2500);
    expect((await api.graphql(CREATE_RULE, { input: ruleInput })).data).toMatchObject({
      createAlertRule: { __typename: 'AlertRule', window: 'LAST_1M', stat: 'P95', builtIn: false },
    });
    await api.service.evaluate();
    await api.service.dispatch();

    type Alerts = { alerts: { edges: { node: Record<string, unknown> & { id: string } }[] } };
    const listed = await api.graphql<Alerts>(ALERTS, { status: ['FIRING'] });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.alerts).toMatchObject({ totalCount: 1, hasNextPage: false });
    const node = listed.data!.alerts.edges[0]!.node;
    expect(node).toMatchObject({
      name: LATENCY_RULE.name,
      status: 'FIRING',
      severity: 'ERROR',
      priority: 'P1',
      threshold: 2000,
      history: [{ from: 'INACTIVE', to: 'FIRING', actor: 'system' }],
      deliveries: [
        {
          channelName: 'env-webhook',
          kind: 'firing',
          status: 'SENT',
          attemptCount: 1,
          attempts: [{ ok: true, status: 200 }],
        },
      ],
    });
    expect(node.tags).toEqual(expect.arrayContaining([]));

    const acknowledged = await api.graphql(ACKNOWLEDGE, { id: node.id, comment: 'mine' });
    expect(acknowledged.data).toEqual({
      acknowledgeAlert: {
        __typename: 'Alert',
        status: 'ACKNOWLEDGED',
        acknowledgedBy: 'harness-admin',
      },
    });
    const again = await api.graphql(ACKNOWLEDGE, { id: node.id });
    expect(again.data).toMatchObject({
      acknowledgeAlert: {
        __typename: 'AlertActionError',
        code: 'invalid-transition',
        alertStatus: 'ACKNOWLEDGED',
      },
    });
    const unknown = await api.graphql(ACKNOWLEDGE, { id: 'ffffffffffffffff' });
    expect(unknown.data).toEqual({
      acknowledgeAlert: { __typename: 'NotFoundError', id: 'ffffffffffffffff' },
    });
  });

  it('names the silences covering an alert in silencedBy, and none once they end', async () => {
    api.harness.record(2500);
    await api.graphql(CREATE_RULE, { input: ruleInput });
    await api.service.evaluate();
    const created = await api.graphql<{ createSilence: { id: string } }>(
      `mutation ($input: SilenceInput!) { createSilence(input: $input) { ... on Silence { id } } }`,
      {
        input: {
          matchers: [{ name: 'alertname', value: LATENCY_RULE.name }],
          endsAt: new Date(api.harness.clock.now() + 30 * MINUTE).toISOString(),
          comment: 'deploy',
        },
      },
    );
    const silenceId = created.data!.createSilence.id;
    const covering = async () =>
      (
        await api.graphql<{
          alerts: { edges: { node: { name: string; silencedBy: string[] } }[] };
        }>('{ alerts { edges { node { name silencedBy } } } }')
      ).data!.alerts.edges.find(({ node }) => node.name === LATENCY_RULE.name)!.node.silencedBy;
    expect(await covering()).toEqual([silenceId]);
    await api.graphql(
      'mutation ($id: ID!, $endsAt: DateTime!) { updateSilence(id: $id, input: { endsAt: $endsAt }) { __typename } }',
      { id: silenceId, endsAt: new Date(api.harness.clock.now() + 1).toISOString() },
    );
    api.harness.clock.advance(MINUTE);
    expect(await covering()).toEqual([]);
  });

  it('shows Alert.deliveries redacted below operator, as notificationLog is for operators', async () => {
    const failing = await startHttpReceiver(() => ({ status: 500, body: 'receiver down' }));
    const own = await createSchemaHarness({ alertWebhookUrl: failing.url });
    try {
      own.harness.record(2500);
      await own.graphql(CREATE_RULE, { input: ruleInput });
      await own.service.evaluate();
      await own.service.dispatch();
      const query = `{ alerts(status: [FIRING]) { edges { node { deliveries {
        kind channelType channelName lastError status attempts { status reason } } } } } }`;
      type Deliveries = { alerts: { edges: { node: { deliveries: unknown[] } }[] } };
      const as = async (principal: Principal, publicDashboard = false) => {
        const result = await own.graphql<Deliveries>(query, {}, { principal, publicDashboard });
        expect(result.errors).toBeUndefined();
        return result.data!.alerts.edges[0]!.node.deliveries;
      };
      const key = (role: 'viewer' | 'operator' | 'admin') =>
        ({
          kind: 'key',
          keyId: 1,
          name: role,
          role,
          rateLimitPolicy: null,
          ip: '10.0.0.1',
        }) as const;
      const full = [
        {
          kind: 'firing',
          channelType: 'webhook',
          channelName: 'env-webhook',
          lastError: expect.stringContaining('500') as unknown,
          status: 'PENDING',
          attempts: [{ status: 500, reason: expect.stringContaining('127.0.0.1') as unknown }],
        },
      ];
      const redacted = [
        {
          kind: 'firing',
          channelType: 'webhook',
          channelName: null,
          lastError: null,
          status: 'PENDING',
          attempts: [{ status: 500, reason: null }],
        },
      ];
      expect(await as(key('admin'))).toEqual(full);
      expect(await as(key('operator'))).toEqual(full);
      expect(await as(key('viewer'))).toEqual(redacted);
      expect(await as({ kind: 'anonymous', ip: '10.0.0.2' }, true)).toEqual(redacted);
      // The root log stays for operators.
      const log = await own.graphql(
        '{ notificationLog { channelName } }',
        {},
        {
          principal: key('viewer'),
        },
      );
      expect(log.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    } finally {
      await own.cleanup();
      await failing.close();
    }
  });

  it('pages alerts with opaque cursors and rejects a forged one', async () => {
    const first = await api.graphql<{ alerts: { endCursor: string; hasNextPage: boolean } }>(
      ALERTS,
      { first: 1 },
    );
    // The built-in rules without data have one `no-data` alert each.
    expect(first.data?.alerts.hasNextPage).toBe(false);
    api.harness.clock.advance(MINUTE);
    await api.service.evaluate();
    const page = await api.graphql<{ alerts: { endCursor: string; totalCount: number } }>(ALERTS, {
      first: 2,
    });
    const next = await api.graphql<{ alerts: { edges: unknown[] } }>(ALERTS, {
      first: 2,
      after: page.data!.alerts.endCursor,
    });
    expect(next.data!.alerts.edges.length).toBe(Math.min(2, page.data!.alerts.totalCount - 2));
    const forged = await api.graphql(ALERTS, { after: 'bm9wZQ' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns invalid rules as a ValidationError naming the fields', async () => {
    const result = await api.graphql(CREATE_RULE, {
      input: { ...ruleInput, id: 'x', metric: 'no.such.metric', forMs: -5 },
    });
    expect(result.data).toMatchObject({
      createAlertRule: {
        __typename: 'ValidationError',
        errors: expect.arrayContaining([
          { field: 'metric', code: 'unknown-metric' },
          { field: 'forMs', code: 'negative' },
        ]) as unknown,
      },
    });
  });

  it('pushes raised and acknowledged events to alertEvents subscribers by severity', async () => {
    const all = await api.subscribe(
      'subscription { alertEvents { type actor alert { name status } } }',
    );
    const criticalOnly = await api.subscribe(
      'subscription { alertEvents(minSeverity: CRITICAL) { type } }',
    );
    api.harness.record(2500);
    await api.graphql(CREATE_RULE, { input: ruleInput });
    const summary = await api.service.evaluate();
    const fingerprint = summary.events[0]!.alert.alert.fingerprint;
    await api.graphql(ACKNOWLEDGE, { id: fingerprint });

    expect((await all.next()).data).toEqual({
      alertEvents: {
        type: 'RAISED',
        actor: 'system',
        alert: { name: LATENCY_RULE.name, status: 'FIRING' },
      },
    });
    expect((await all.next()).data).toEqual({
      alertEvents: {
        type: 'ACKNOWLEDGED',
        actor: 'harness-admin',
        alert: { name: LATENCY_RULE.name, status: 'ACKNOWLEDGED' },
      },
    });
    const nothing = Symbol('nothing');
    const critical = await Promise.race([
      criticalOnly.next(),
      new Promise((resolve) =>
        setTimeout(() => {
          resolve(nothing);
        }, 50),
      ),
    ]);
    expect(critical).toBe(nothing);
  });
});
