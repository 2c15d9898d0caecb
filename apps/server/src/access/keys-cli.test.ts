import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openStore } from '@taurine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyService, hashApiKey } from './api-keys.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const script = join(repoRoot, 'apps/server/scripts/keys.ts');
const run = promisify(execFile);

/** `npm run keys -- …` without npm: the same script under tsx, on a private data dir. */
async function keys(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', DATABASE_URL: '' },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each run starts Node and tsx afresh: seconds apiece on a busy machine, so tests get minutes.
describe('npm run keys (child process)', { timeout: 180_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'taurine-keys-cli-'));
    // What the server's first start does: the CLI only works on a database that exists.
    const store = await openStore({ dataDir });
    await store.migrate();
    await store.close();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates, lists and revokes keys; the key is printed once and stored only hashed', async () => {
    const created = await keys(
      dataDir,
      'create',
      '--role',
      'operator',
      '--name',
      'ci-bot',
      '--expires',
      '30d',
    );
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(
      /Created operator key "ci-bot" \(id 1, prefix [0-9a-f]{8}, expires /,
    );
    expect(created.stderr).not.toContain(key);
    const prefix = key.slice(3, 11);

    const listed = await keys(dataDir, 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^1\\s+${prefix}\\s+operator\\s+active\\s+ci-bot`, 'm'),
    );
    expect(listed.stdout).not.toContain(key.slice(12));

    const revoked = await keys(dataDir, 'revoke', prefix);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain(`Revoked operator key "ci-bot" (id 1, prefix ${prefix})`);
    const json = JSON.parse((await keys(dataDir, 'list', '--json')).stdout) as { status: string }[];
    expect(json.map((entry) => entry.status)).toEqual(['revoked']);

    const store = await openStore({ dataDir });
    try {
      const stored = await store.apiKeys.findByPrefix(prefix);
      expect(stored?.hash).toBe(hashApiKey(key));
      expect(await createApiKeyService({ keys: store.apiKeys }).authenticate(key)).toEqual({
        ok: false,
        reason: 'revoked',
      });
      const audit = await store.auditLog.list({ limit: 10 });
      expect(audit.map((entry) => [entry.action, entry.result])).toEqual([
        ['cli:keys.revoke', 'ok'],
        ['cli:keys.create', 'ok'],
      ]);
      expect(JSON.stringify(audit)).not.toContain(key.slice(12));
    } finally {
      await store.close();
    }
  });

  it('explains mistakes with the usage and a non-zero exit', async () => {
    const noRole = await keys(dataDir, 'create', '--name', 'x');
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('create needs --role viewer|operator|admin');
    expect(noRole.stderr).toContain('Usage: npm run keys -- <command>');

    const badExpiry = await keys(
      dataDir,
      'create',
      '--role',
      'viewer',
      '--name',
      'x',
      '--expires',
      'soon',
    );
    expect(badExpiry.code).toBe(2);
    expect(badExpiry.stderr).toContain('Invalid duration "soon"');

    const unknown = await keys(dataDir, 'revoke', 'ffffffff');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No key with id or prefix "ffffffff"');

    const generated = await keys(dataDir, 'generate');
    expect(generated.stdout.trim()).toMatch(/^tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses to create a database the server would not use', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'taurine-keys-cli-empty-'));
    try {
      const refused = await keys(empty, 'create', '--role', 'viewer', '--name', 'lost');
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`No Taurine database at ${join(empty, 'taurine.sqlite')}`);
      expect(refused.stderr).toContain('Start the server once first');
      expect(await readdir(empty)).toEqual([]);
      expect(existsSync(join(empty, 'taurine.sqlite'))).toBe(false);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
