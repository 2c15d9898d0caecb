import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../testing/server-process.ts';
import { waitUntil } from '../testing/wait-until.ts';
import type { ServerProcess } from '../testing/server-process.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const KEY = /tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/;
const run = promisify(execFile);

/** One command of the README's walk-through: a `curl` (key variable and JSON body) or `npm run keys`. */
type Step =
  { kind: 'curl'; keyVariable: string; body: { query: string } } | { kind: 'keys'; args: string[] };

/**
 * The commands of the README's walk-through block, in order, read from README.md itself so the
 * test follows the text: continuation lines are joined and `# comments` dropped.
 */
async function readmeWalkthrough(): Promise<Step[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = /A walk-through on a fresh `npm start`[\s\S]*?```sh\n([\s\S]*?)```/.exec(
    readme,
  )?.[1];
  if (block === undefined) throw new Error('README.md has no access walk-through block');
  const commands = block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
  return commands.flatMap((command): Step[] => {
    if (command.startsWith('npm run keys -- ')) {
      return [{ kind: 'keys', args: command.slice('npm run keys -- '.length).split(/\s+/) }];
    }
    if (command.startsWith('curl ')) {
      const keyVariable = /x-api-key: \$(\w+)/.exec(command)?.[1];
      const body = /-d '([^']*)'/.exec(command)?.[1];
      if (keyVariable === undefined || body === undefined)
        throw new Error(`unreadable: ${command}`);
      return [{ kind: 'curl', keyVariable, body: JSON.parse(body) as { query: string } }];
    }
    return [];
  });
}

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
    const steps = await readmeWalkthrough();
    expect(steps.map((step) => (step.kind === 'keys' ? step.args[0] : step.keyVariable))).toEqual([
      'create',
      'KEY',
      'ADMIN',
      'KEY',
      'list',
      'revoke',
    ]);
    const [create, clear, audit, forbidden, list, revoke] = steps as [
      Extract<Step, { kind: 'keys' }>,
      Extract<Step, { kind: 'curl' }>,
      Extract<Step, { kind: 'curl' }>,
      Extract<Step, { kind: 'curl' }>,
      Extract<Step, { kind: 'keys' }>,
      Extract<Step, { kind: 'keys' }>,
    ];

    // "ADMIN=tk_…  # printed at the first start"
    const admin = KEY.exec(
      /First start: an admin API key was generated[\s\S]*/.exec(server.output())?.[0] ?? '',
    )?.[0];
    expect(admin).toBeDefined();

    // "npm run keys -- create --role operator --name ci-bot  # prints the key once"
    const created = await npmRunKeys(...create.args);
    const key = KEY.exec(created.stdout)?.[0];
    expect(key, created.stderr).toBeDefined();
    expect(created.stderr).toMatch(/Created operator key "ci-bot" \(id \d+, prefix [0-9a-f]{8}\)/);
    const id = /\(id (\d+),/.exec(created.stderr)![1]!;
    const keys: Record<string, string> = { KEY: key!, ADMIN: admin! };

    const cleared = await curl(keys[clear.keyVariable]!, clear.body.query);
    expect(cleared.errors).toBeUndefined();
    const report = cleared.data?.['clearCache'] as { memory: number; redis: number | null };
    expect(report.memory).toBeGreaterThanOrEqual(0);
    expect(report.redis).toBeNull();

    // "# the entry"
    const entries = await curl(keys[audit.keyVariable]!, audit.body.query);
    expect(entries.errors).toBeUndefined();
    expect((entries.data?.['auditLog'] as unknown[])[0]).toMatchObject({
      actorName: 'ci-bot',
      action: 'mutation:clearCache',
      result: 'ok',
      arguments: JSON.stringify({ pattern: 'data:flavors:*' }),
    });

    // "# FORBIDDEN"
    const refused = await curl(keys[forbidden.keyVariable]!, forbidden.body.query);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // "npm run keys -- list  # prefixes, roles, last use"
    const listed = await npmRunKeys(...list.args);
    const row = listed.stdout.split('\n').find((line) => line.includes('ci-bot'));
    expect(row).toMatch(
      new RegExp(
        `^${id}\\s+${key!.slice(3, 11)}\\s+operator\\s+active\\s+ci-bot\\s+operator\\s+\\S+Z\\s+-\\s+\\S+Z$`,
      ),
    );

    // "npm run keys -- revoke <id>  # the server refuses the key within 0.5 s (its key cache)"
    await npmRunKeys(...revoke.args.map((arg) => (arg === '<id>' ? id : arg)));
    await waitUntil(async () => {
      const after = await curl(key!, '{ caches { hitRate } }');
      return after.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
    }, 10_000);
  }, 240_000);
});
