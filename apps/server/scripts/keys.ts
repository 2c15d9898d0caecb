/**
 * Manages API keys from the command line (`npm run keys -- <command>`), on the same database as
 * the server (`DATA_DIR` or `DATABASE_URL`). A created key is printed once, alone on stdout, so
 * `npm run -s keys -- create … > key.txt` captures just the key; messages go to stderr.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SQLITE_FILE_NAME, openStore } from '@taurine/store';
import type { ApiKey, Store } from '@taurine/store';
import { AccessError } from '../src/access/access-error.ts';
import { createApiKeyService, generateApiKey, parseApiKey } from '../src/access/api-keys.ts';
import { createAuditRecorder } from '../src/access/audit.ts';
import { parseDuration } from '../src/access/parse-duration.ts';
import { isRole, ROLES } from '../src/access/roles.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

const USAGE = `Usage: npm run keys -- <command>

  create --role <${ROLES.join('|')}> --name <name> [--expires <30d|12h|…>] [--rate-limit <policy>]
                    creates a key and prints it once
  list [--json]     lists keys (prefix only, never the key)
  revoke <id|prefix|key>
                    revokes a key at once
  generate          prints a new random key without storing it (for ADMIN_API_KEY)

Uses the server's database: DATABASE_URL, else the SQLite file in DATA_DIR (default ./data; a
relative DATA_DIR is taken from the repository root, as the server does). The database must exist:
start the server once first.`;

/** A failure the user can fix: printed without a stack, with the usage when it helps. */
class CliError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function actor(): { name: string; role: string } {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid.
  }
  return { name: `cli:${user}`, role: 'admin' };
}

const iso = (epochMs: number | null): string =>
  epochMs === null ? '-' : new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

function statusOf(key: ApiKey, now: number): string {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && key.expiresAt <= now) return 'expired';
  return 'active';
}

async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  // A key stored in a database the server does not read would be printed and then refused:
  // never create one here, the server makes it at its first start.
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  if (config.databaseUrl === undefined && !existsSync(file)) {
    throw new CliError(
      `No Taurine database at ${file}.\n` +
        'Start the server once first (npm start creates it there), or set DATA_DIR (or ' +
        "DATABASE_URL) to the server's.",
      false,
      1,
    );
  }
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
  });
  try {
    await store.migrate();
    return await run(store);
  } finally {
    await store.close();
  }
}

async function create(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
      'rate-limit': { type: 'string' },
    },
  });
  if (values.role === undefined || !isRole(values.role)) {
    throw new CliError(`create needs --role ${ROLES.join('|')}`);
  }
  if (values.name === undefined) throw new CliError('create needs --name <name>');
  const role = values.role;
  const name = values.name;
  const lifetime = values.expires === undefined ? null : parseDuration(values.expires);
  await withStore(async (store) => {
    const keys = createApiKeyService({ keys: store.apiKeys });
    const audit = createAuditRecorder({ repo: store.auditLog });
    const { key, apiKey } = await keys.create({
      name,
      role,
      createdBy: actor().name,
      expiresAt: lifetime === null ? null : Date.now() + lifetime,
      rateLimitPolicy: values['rate-limit'] ?? null,
    });
    await audit.record({
      actor: actor(),
      action: 'cli:keys.create',
      args: { name, role, expiresAt: apiKey.expiresAt, rateLimitPolicy: apiKey.rateLimitPolicy },
      result: 'ok',
      details: { keyId: apiKey.id, keyPrefix: apiKey.prefix },
    });
    say(
      `Created ${role} key "${apiKey.name}" (id ${apiKey.id}, prefix ${apiKey.prefix}` +
        `${apiKey.expiresAt === null ? '' : `, expires ${iso(apiKey.expiresAt)}`}).`,
    );
    say('This is the only time the key is shown; store it now. Send it as the x-api-key header.');
    process.stdout.write(`${key}\n`);
  });
}

async function list(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  await withStore(async (store) => {
    const keys = await store.apiKeys.list();
    const now = Date.now();
    if (values.json === true) {
      process.stdout.write(
        `${JSON.stringify(keys.map((key) => ({ ...key, status: statusOf(key, now) })))}\n`,
      );
      return;
    }
    if (keys.length === 0) {
      say('No keys yet. Create one with: npm run keys -- create --role viewer --name <name>');
      return;
    }
    const rows = [
      ['ID', 'PREFIX', 'ROLE', 'STATUS', 'NAME', 'RATE LIMIT', 'CREATED', 'EXPIRES', 'LAST USED'],
      ...keys.map((key) => [
        String(key.id),
        key.prefix,
        key.role,
        statusOf(key, now),
        key.name,
        key.rateLimitPolicy ?? key.role,
        iso(key.createdAt),
        iso(key.expiresAt),
        iso(key.lastUsedAt),
      ]),
    ];
    const widths = rows[0]!.map((_, column) =>
      Math.max(...rows.map((row) => (row[column] ?? '').length)),
    );
    for (const row of rows) {
      process.stdout.write(
        `${row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
      );
    }
  });
}

async function revoke(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) {
    throw new CliError('revoke needs exactly one <id|prefix|key>');
  }
  await withStore(async (store) => {
    const prefix = parseApiKey(target)?.prefix ?? (/^[0-9a-f]{8}$/.test(target) ? target : null);
    const byPrefix = prefix === null ? undefined : await store.apiKeys.findByPrefix(prefix);
    const id = byPrefix?.id ?? (/^\d{1,15}$/.test(target) ? Number(target) : undefined);
    const keys = createApiKeyService({ keys: store.apiKeys });
    const revoked = id === undefined ? undefined : await keys.revoke(id);
    if (revoked === undefined) throw new CliError(`No key with id or prefix "${target}"`, false, 1);
    await createAuditRecorder({ repo: store.auditLog }).record({
      actor: actor(),
      action: 'cli:keys.revoke',
      args: { keyId: revoked.id },
      result: 'ok',
      details: { keyPrefix: revoked.prefix, name: revoked.name },
    });
    say(
      `Revoked ${revoked.role} key "${revoked.name}" (id ${revoked.id}, prefix ${revoked.prefix}) ` +
        `at ${iso(revoked.revokedAt)}.`,
    );
  });
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  create,
  list,
  revoke,
  generate: () => {
    say('A new key, stored nowhere. Set it as ADMIN_API_KEY to make it the bootstrap admin key.');
    process.stdout.write(`${generateApiKey().key}\n`);
    return Promise.resolve();
  },
};

const [command, ...rest] = process.argv.slice(2);
try {
  const run = command === undefined ? undefined : COMMANDS[command];
  if (run === undefined) {
    throw new CliError(command === undefined ? '' : `Unknown command "${command}"`);
  }
  await run(rest);
} catch (error) {
  if (error instanceof CliError) {
    if (error.message !== '') say(error.message);
    if (error.showUsage) say(`\n${USAGE}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError || error instanceof AccessError) {
    say(error.message);
    process.exitCode = 2;
  } else if (isParseArgsError(error)) {
    say(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    say(`keys failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof TypeError &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  );
}
