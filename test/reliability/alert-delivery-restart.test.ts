import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@taurine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '../../apps/server/src/alerting/test-support/http-receiver.ts';
import type { HttpReceiver } from '../../apps/server/src/alerting/test-support/http-receiver.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SCRIPT = join(ROOT, 'test/reliability/support/alerting-process.ts');

let dataDir: string;
let receiver: HttpReceiver;
let healthy = false;
const accepted: { key: string; event: string }[] = [];
const children: ChildProcess[] = [];

/** Starts the alerting process with `node --import tsx` (no npx wrapper: SIGKILL hits it). */
async function startProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, ALERT_WEBHOOK_URL: receiver.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((ready, failed) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) ready();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      failed(new Error(`alerting process exited with ${String(code)}: ${output}`));
    });
  });
  return child;
}

const waitFor = async (predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'taurine-sigkill-'));
  receiver = await startHttpReceiver((request) => {
    if (!healthy) return { status: 503 };
    const body = JSON.parse(request.body) as { event: string };
    accepted.push({ key: String(request.headers['idempotency-key']), event: body.event });
    return { status: 200 };
  });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('alert delivery across a SIGKILL', () => {
  it('delivers every notification left in the outbox after a restart, once per key', async () => {
    const first = await startProcess();
    // The firing notification was attempted (503) and retried: it sits in the outbox.
    await waitFor(() => receiver.requests.length >= 2);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;

    const store = await openStore({ dataDir });
    const pending = await store.outbox.list({ status: 'pending' });
    await store.close();
    expect(pending.length).toBeGreaterThan(0);
    expect(accepted).toEqual([]);

    healthy = true;
    const second = await startProcess();
    const keys = new Set(pending.map((item) => item.idempotencyKey));
    await waitFor(() => [...keys].every((key) => accepted.some((entry) => entry.key === key)));
    second.kill('SIGKILL');

    expect(accepted.map((entry) => entry.event)).toEqual(['alert.firing']);
    const after = await openStore({ dataDir });
    expect(await after.outbox.list({ status: 'pending' })).toEqual([]);
    expect(
      (await after.outbox.list({ status: 'sent' })).map((item) => item.idempotencyKey),
    ).toEqual([...keys]);
    await after.close();
  });
});
