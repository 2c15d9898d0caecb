import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, waitUntil } from '../reliability/support/server-process.ts';
import type { ServerProcess } from '../reliability/support/server-process.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const KEY = /tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/;
const run = promisify(execFile);

/**
 * The README's "Access: keys, roles, limits" walk-through as printed: the server as `npm start`
 * serves it (`apps/server` as working directory, production mode, no key configured) and the keys
 * CLI as `npm run keys -- …` from the repository root. Both get the same *relative* DATA_DIR, so
 * they open one database only if they resolve it the same way.
 */
describe('README walk-through: keys, roles, limits', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess;

  /** `npm run keys -- <args>` from the repository root, as a user types it. */
  const npmRunKeys = async (...args: string[]) => {
    const { stdout, stderr } = await run('npm', ['run', 'keys', '--', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      timeout: 60_000,
    });
    return { stdout, stderr };
  };

  /** The README's `curl -s localhost:4000/graphql -H 'content-type: application/json' …`. */
  const curl = async (key: string, query: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };

  beforeAll(async () => {
    const absolute = await mkdtemp(join(tmpdir(), 'taurine-walkthrough-'));
    dataDir = absolute;
    env = { DATA_DIR: relative(ROOT, absolute), CACHE_WARM_ON_START: 'false' };
    server = await startServerProcess(env, 90_000, { cwd: join(ROOT, 'apps/server') });
  });
  afterAll(async () => {
    await server.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates an operator key with the CLI that the running server accepts, audits, refuses, lists and revokes it', async () => {
    // "ADMIN=tk_…  # printed at the first start"
    const admin = KEY.exec(
      /First start: an admin API key was generated[\s\S]*/.exec(server.output())?.[0] ?? '',
    )?.[0];
    expect(admin).toBeDefined();

    // "npm run keys -- create --role operator --name ci-bot  # prints the key once"
    const created = await npmRunKeys('create', '--role', 'operator', '--name', 'ci-bot');
    const key = KEY.exec(created.stdout)?.[0];
    expect(key, created.stderr).toBeDefined();
    expect(created.stderr).toMatch(
      /Created operator key "ci-bot" \(id (\d+), prefix [0-9a-f]{8}\)/,
    );
    const id = /\(id (\d+),/.exec(created.stderr)![1]!;

    const cleared = await curl(
      key!,
      'mutation { clearCache(pattern: "data:flavors:*") { ... on CacheClearReport { memory redis } } }',
    );
    expect(cleared.errors).toBeUndefined();
    const report = cleared.data?.['clearCache'] as { memory: number; redis: number | null };
    expect(report.memory).toBeGreaterThanOrEqual(0);
    expect(report.redis).toBeNull();

    const audit = await curl(
      admin!,
      '{ auditLog(first: 5) { at actorName action result arguments } }',
    );
    expect(audit.errors).toBeUndefined();
    expect((audit.data?.['auditLog'] as unknown[])[0]).toMatchObject({
      actorName: 'ci-bot',
      action: 'mutation:clearCache',
      result: 'ok',
      arguments: JSON.stringify({ pattern: 'data:flavors:*' }),
    });

    const forbidden = await curl(key!, 'mutation { deleteAlertRule(id: "x") { __typename } }');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // "npm run keys -- list  # prefixes, roles, last use"
    const listed = await npmRunKeys('list');
    const row = listed.stdout.split('\n').find((line) => line.includes('ci-bot'));
    expect(row).toMatch(
      new RegExp(
        `^${id}\\s+${key!.slice(3, 11)}\\s+operator\\s+active\\s+ci-bot\\s+operator\\s+\\S+Z\\s+-\\s+\\S+Z$`,
      ),
    );

    // "npm run keys -- revoke <id>  # … within 0.5 s on others": the server is another process.
    await npmRunKeys('revoke', id);
    await waitUntil(async () => {
      const after = await curl(key!, '{ caches { hitRate } }');
      return after.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
    }, 10_000);
  }, 240_000);
});
