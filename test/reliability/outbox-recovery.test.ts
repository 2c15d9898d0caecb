/**
 * The outbox after a crash and after a receiver outage, with the real server
 * (`apps/server/src/main.ts`) and a real webhook receiver:
 * - SIGKILL while notifications are leased: the restarted process (same `DATA_DIR`, same
 *   instance id) takes its leases back at once instead of waiting for them to expire, and each
 *   alert's notifications still arrive in order; the one in flight is sent again with its key.
 * - A receiver answering 500, then 429, then 200 while several alerts queue firing,
 *   acknowledged and resolved notifications: each alert's reach the receiver in the order written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver, Reply } from '@taurine/notify/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../apps/server/src/access/api-keys.ts';
import {
  acceptedOrder,
  actOnAlert,
  restartSafeBreachRule,
  createRule,
  webhookEvent,
  webhookLog,
  writtenOrder,
} from '../testing/alerting-server.ts';
import type { WebhookEvent } from '../testing/alerting-server.ts';
import { startServerProcess } from '../testing/server-process.ts';
import { waitUntil } from '../testing/wait-until.ts';
import type { ServerProcess } from '../testing/server-process.ts';

const RULE_IDS = ['outbox.alert-a', 'outbox.alert-b', 'outbox.alert-c'];
const adminKey = generateApiKey().key;
const LEASE_MS = 300_000;
/** Well below {@link LEASE_MS}, and generous for a busy machine. */
const RECOVERY_DEADLINE_MS = 30_000;

let dataDir: string | undefined;
let receiver: HttpReceiver | undefined;
const servers: ServerProcess[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.kill('SIGKILL')));
  await receiver?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATA_DIR: dataDir!,
    ADMIN_API_KEY: adminKey,
    ALERT_WEBHOOK_URL: receiver!.url,
    COLLECT_INTERVAL_MS: '200',
    CACHE_WARM_ON_START: 'false',
    // The lease the outbox had before it took leases back at start: a recovery that waited for
    // the dead process's leases to expire would take 5 minutes.
    ALERT_OUTBOX_LEASE_MS: String(LEASE_MS),
  });
  servers.push(server);
  return server;
}

/** Creates the three rules and resolves with their alerts' fingerprints once all three fire. */
async function fireThreeAlerts(server: ServerProcess): Promise<string[]> {
  for (const id of RULE_IDS) await createRule(server, adminKey, restartSafeBreachRule(id));
  let fingerprints: string[] = [];
  await waitUntil(async () => {
    const firings = (await webhookLog(server, adminKey)).filter((item) => item.kind === 'firing');
    fingerprints = [...new Set(firings.map((item) => item.fingerprint))];
    return fingerprints.length === RULE_IDS.length;
  });
  return fingerprints;
}

/** Waits until the log holds `count` items, or throws with what it holds. */
async function waitForLogSize(server: ServerProcess, count: number): Promise<void> {
  await waitUntil(async () => (await webhookLog(server, adminKey)).length >= count);
}

describe('the outbox after a crash and after a receiver outage', () => {
  it('takes its leases back at once after a SIGKILL and keeps each alert in order', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'taurine-outbox-kill-'));
    let accepting = false;
    const accepted: WebhookEvent[] = [];
    receiver = await startHttpReceiver((request): Reply => {
      // Before the crash every send hangs (in flight, leased) until the process dies.
      if (!accepting) return 'hang';
      accepted.push(webhookEvent(request));
      return { status: 200, body: 'ok' };
    });

    const first = await startServer();
    const fingerprints = await fireThreeAlerts(first);
    for (const fingerprint of fingerprints) {
      await actOnAlert(first, adminKey, 'acknowledgeAlert', fingerprint);
    }
    await waitForLogSize(first, 6);
    await waitUntil(() => receiver!.requests.length >= 1);
    await first.kill('SIGKILL');

    // What SIGKILL left: six pending items, the claimed ones leased by this instance.
    const store = await openStore({ dataDir });
    const pending = await store.outbox.list({ status: 'pending' });
    await store.close();
    expect(pending).toHaveLength(6);
    const leased = pending.filter((item) => item.leaseUntil !== undefined);
    expect(leased.length).toBeGreaterThanOrEqual(1);
    expect(leased.every((item) => item.leaseOwner === hostname())).toBe(true);
    expect(Math.min(...leased.map((item) => item.leaseUntil!))).toBeGreaterThan(
      Date.now() + LEASE_MS - RECOVERY_DEADLINE_MS * 2,
    );
    const inFlight = webhookEvent(receiver.requests[0]!);

    accepting = true;
    const second = await startServer();
    // Delivered while the dead process's leases still run: taken back, not waited out.
    await waitUntil(() => accepted.length >= 6, RECOVERY_DEADLINE_MS);
    expect(second.output()).toContain(`took back ${leased.length} outbox item(s)`);

    const log = await webhookLog(second, adminKey);
    expect(acceptedOrder(accepted)).toEqual(writtenOrder(log));
    for (const fingerprint of fingerprints) {
      expect(
        accepted.filter((event) => event.fingerprint === fingerprint).map((event) => event.kind),
      ).toEqual(['firing', 'acknowledged']);
    }
    // At-least-once: the send in flight at the crash went out again, with the same key.
    const sendsOfInFlight = receiver.requests
      .map(webhookEvent)
      .filter((event) => event.idempotencyKey === inFlight.idempotencyKey);
    expect(sendsOfInFlight).toHaveLength(2);
    expect(
      accepted.filter((event) => event.idempotencyKey === inFlight.idempotencyKey),
    ).toHaveLength(1);
    await second.kill('SIGTERM');
  }, 90_000);

  it('keeps each alert in order through a receiver answering 500, then 429, then 200', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'taurine-outbox-order-'));
    let phase: 'down' | 'throttling' = 'down';
    let throttled = 0;
    const accepted: WebhookEvent[] = [];
    receiver = await startHttpReceiver((request): Reply => {
      if (phase === 'down') return { status: 500, body: 'down for maintenance' };
      if (throttled < 2) {
        throttled += 1;
        return { status: 429, headers: { 'retry-after': '1' }, body: 'slow down' };
      }
      accepted.push(webhookEvent(request));
      return { status: 200, body: 'ok' };
    });

    const server = await startServer();
    const fingerprints = await fireThreeAlerts(server);
    // While the receiver is down, every alert is acknowledged and two are resolved by hand.
    for (const fingerprint of fingerprints) {
      await actOnAlert(server, adminKey, 'acknowledgeAlert', fingerprint);
    }
    for (const fingerprint of fingerprints.slice(0, 2)) {
      await actOnAlert(server, adminKey, 'resolveAlert', fingerprint);
    }
    await waitUntil(async () => {
      const log = await webhookLog(server, adminKey);
      return log.filter((item) => item.kind === 'resolved').length === 2;
    });
    phase = 'throttling';

    // Everything written so far is delivered (a resolved alert may fire again: that is later).
    let log = await webhookLog(server, adminKey);
    await waitUntil(async () => {
      log = await webhookLog(server, adminKey);
      return log.every((item) => item.status === 'SENT');
    }, 45_000);

    // The outage was real: 500s and two 429s came before the first acceptance.
    expect(receiver.requests.length).toBeGreaterThan(accepted.length + 2);
    expect(acceptedOrder(accepted)).toEqual(writtenOrder(log));
    for (const fingerprint of fingerprints) {
      const kinds = accepted
        .filter((event) => event.fingerprint === fingerprint)
        .map((event) => event.kind);
      const expected =
        fingerprints.indexOf(fingerprint) < 2
          ? ['firing', 'acknowledged', 'resolved']
          : ['firing', 'acknowledged'];
      expect(kinds.slice(0, expected.length)).toEqual(expected);
    }
    // No notification of an alert reached the receiver before the one written before it was
    // accepted: the first arrival of each key comes after the acceptance of its predecessor.
    const arrivals = receiver.requests.map(webhookEvent);
    for (const keys of writtenOrder(log).values()) {
      for (let index = 1; index < keys.length; index += 1) {
        const firstArrival = arrivals.findIndex((event) => event.idempotencyKey === keys[index]);
        const lastOfPrevious = arrivals.findLastIndex(
          (event) => event.idempotencyKey === keys[index - 1],
        );
        expect(firstArrival).toBeGreaterThan(lastOfPrevious);
      }
    }
    await server.kill('SIGTERM');
  }, 90_000);
});
