import type { ReceivedRequest } from '@taurine/notify/testing';
import { breachRule } from './breach-rule.ts';
import type { ServerProcess } from './server-process.ts';

/** A rule that fires at the first tick with traffic and waits (no data) after a restart. */
export const restartSafeBreachRule = (id: string) =>
  breachRule(id, { name: `API p95 above 0 ms (${id})`, noDataState: 'NO_DATA' });

/** One entry of `notificationLog` as these tests read it. */
export interface LoggedDelivery {
  fingerprint: string;
  idempotencyKey: string;
  kind: string;
  status: string;
  attemptCount: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
}

/** The webhook channel's log, newest first. */
export async function webhookLog(server: ServerProcess, adminKey: string) {
  const result = await server.graphql<{ notificationLog: LoggedDelivery[] }>(
    adminKey,
    /* GraphQL */ `
      {
        notificationLog(channel: "env-webhook", first: 200) {
          fingerprint
          idempotencyKey
          kind
          status
          attemptCount
          lastError
          nextAttemptAt
          createdAt
        }
      }
    `,
  );
  if (result.errors !== undefined) throw new Error(JSON.stringify(result.errors));
  return result.data!.notificationLog;
}

/** Creates a rule through GraphQL; throws unless it was stored. */
export async function createRule(
  server: ServerProcess,
  adminKey: string,
  rule: Record<string, unknown>,
): Promise<void> {
  const created = await server.graphql<{ createAlertRule: { __typename: string } }>(
    adminKey,
    'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { __typename } }',
    { input: rule },
  );
  if (created.data?.createAlertRule.__typename !== 'AlertRule') {
    throw new Error(`rule not created: ${JSON.stringify(created)}`);
  }
}

/** Acknowledges or resolves an alert (its id is the fingerprint); throws unless it worked. */
export async function actOnAlert(
  server: ServerProcess,
  adminKey: string,
  action: 'acknowledgeAlert' | 'resolveAlert',
  fingerprint: string,
): Promise<void> {
  const result = await server.graphql<Record<string, { __typename: string }>>(
    adminKey,
    `mutation ($id: ID!) { ${action}(id: $id, comment: "reliability test") { __typename } }`,
    { id: fingerprint },
  );
  if (result.data?.[action]?.__typename !== 'Alert') {
    throw new Error(`${action} failed: ${JSON.stringify(result)}`);
  }
}

/** The JSON body of the webhook channel's request. */
export interface WebhookBody {
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

/** Parses the body of a webhook request. */
export const webhookBody = (request: ReceivedRequest): WebhookBody =>
  JSON.parse(request.body) as WebhookBody;

/** What the webhook receiver saw of one request. */
export interface WebhookEvent {
  fingerprint: string;
  idempotencyKey: string;
  kind: string;
}

/** Reads the alert, key and kind of a webhook request. */
export function webhookEvent(request: ReceivedRequest): WebhookEvent {
  const { data } = webhookBody(request);
  return {
    fingerprint: data.fingerprint,
    idempotencyKey: String(request.headers['idempotency-key']),
    kind: data.kind,
  };
}

/** The keys per alert, oldest first: the order in which the outbox wrote them. */
export function writtenOrder(log: readonly LoggedDelivery[]): Map<string, string[]> {
  const byAlert = new Map<string, string[]>();
  for (const delivery of [...log].reverse()) {
    byAlert.set(delivery.fingerprint, [
      ...(byAlert.get(delivery.fingerprint) ?? []),
      delivery.idempotencyKey,
    ]);
  }
  return byAlert;
}

/** The keys per alert in the order the receiver accepted them. */
export function acceptedOrder(accepted: readonly WebhookEvent[]): Map<string, string[]> {
  const byAlert = new Map<string, string[]>();
  for (const event of accepted) {
    byAlert.set(event.fingerprint, [
      ...(byAlert.get(event.fingerprint) ?? []),
      event.idempotencyKey,
    ]);
  }
  return byAlert;
}
