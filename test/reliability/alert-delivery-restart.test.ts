/**
 * SIGKILL of the real server (`apps/server/src/main.ts`) with a notification still in the outbox:
 * the restarted server on the same `DATA_DIR` delivers it, once per idempotency key.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../apps/server/src/access/api-keys.ts';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { createRule, restartSafeBreachRule, webhookLog } from '../testing/alerting-server.ts';
import type { LoggedDelivery } from '../testing/alerting-server.ts';
import { startServerProcess } from '../testing/server-process.ts';
import { waitUntil } from '../testing/wait-until.ts';
import type { ServerProcess } from '../testing/server-process.ts';

// After a restart the new process has no samples yet: the alert waits instead of resolving.
const RULE = restartSafeBreachRule('restart.api-p95');

let dataDir: string;
let receiver: HttpReceiver;
let accepting = false;
/** Idempotency keys of the requests the receiver accepted (200), in order. */
const accepted: string[] = [];
const servers: ServerProcess[] = [];
const adminKey = generateApiKey().key;

async function startServer(): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    ADMIN_API_KEY: adminKey,
    ALERT_WEBHOOK_URL: receiver.url,
    COLLECT_INTERVAL_MS: '200',
    CACHE_WARM_ON_START: 'false',
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'taurine-sigkill-'));
  receiver = await startHttpReceiver((request) => {
    if (!accepting) return { status: 500, body: 'down for maintenance' };
    accepted.push(String(request.headers['idempotency-key']));
    return { status: 200, body: 'ok' };
  });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill('SIGKILL')));
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('alert delivery across a SIGKILL of the server', () => {
  it('delivers the notification left in the outbox after a restart, once per key', async () => {
    const first = await startServer();
    await createRule(first, adminKey, RULE);

    // A collection tick fires the alert; the receiver answers 500, so the item waits for a retry.
    // Kill only once that failure is recorded and the retry is not imminent, so every attempt is
    // logged (a send in flight at SIGKILL is covered by outbox-recovery.test.ts).
    let pending: LoggedDelivery | undefined;
    await waitUntil(async () => {
      const [latest] = await webhookLog(first, adminKey);
      pending = latest;
      return (
        latest !== undefined &&
        latest.attemptCount >= 1 &&
        latest.lastError !== null &&
        Date.parse(latest.nextAttemptAt) - Date.now() > 300
      );
    });
    await first.kill('SIGKILL');
    expect(pending).toMatchObject({ kind: 'firing', status: 'PENDING' });
    const key = pending!.idempotencyKey;
    expect(receiver.requests.map((request) => request.headers['idempotency-key'])).toEqual(
      Array.from({ length: pending!.attemptCount }, () => key),
    );
    expect(accepted).toEqual([]);

    // What SIGKILL left on disk: the item, still pending.
    const store = await openStore({ dataDir });
    const onDisk = await store.outbox.list({ status: 'pending' });
    await store.close();
    expect(onDisk.map((item) => item.idempotencyKey)).toEqual([key]);

    accepting = true;
    const second = await startServer();
    await waitUntil(() => accepted.includes(key));
    await waitUntil(async () => (await webhookLog(second, adminKey))[0]?.status === 'SENT');
    // Several more collection ticks and dispatcher rounds: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(accepted).toEqual([key]);
    expect(await webhookLog(second, adminKey)).toEqual([
      expect.objectContaining({
        idempotencyKey: key,
        kind: 'firing',
        status: 'SENT',
        attemptCount: pending!.attemptCount + 1,
      }),
    ]);
    const alerts = await second.graphql<{ alerts: { edges: { node: { ruleId: string } }[] } }>(
      adminKey,
      '{ alerts { edges { node { ruleId } } } }',
    );
    expect(alerts.data!.alerts.edges.filter((edge) => edge.node.ruleId === RULE.id)).toHaveLength(
      1,
    );
    await second.kill('SIGTERM');
  });
});
