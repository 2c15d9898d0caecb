/**
 * `npm run cluster -- --instances 3`: several Taurine instances on one machine behind one address.
 * Each instance is `apps/server/src/main.ts` in its own process on its own port (`INSTANCE_ID`
 * web-1, web-2, …), sharing PostgreSQL (`DATABASE_URL`) and Redis (`REDIS_URL`); a round-robin proxy
 * in front serves HTTP and WebSockets on `--port`. Ctrl-C stops the instances gracefully.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failUsage, parseCli } from './cli-args.ts';
import { startRoundRobinProxy } from './round-robin-proxy.ts';

const TOOL = 'cluster';
const USAGE = `
Usage: DATABASE_URL=postgres://… REDIS_URL=redis://… npm run cluster -- [--instances N] [--port P]

Starts N Taurine instances on ports P+1 … P+N behind a round-robin proxy on port P.

Options:
  --instances N   instances to start, 1 to 16 (default 3)
  --port P        the proxy's port; instances use the next N ports (default 4000)
  -h, --help      print this help

Every other variable (COLLECT_INTERVAL_MS, PUBLIC_DASHBOARD, …) is passed to every instance.
`;

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const MAIN = resolve(ROOT, 'apps/server/src/main.ts');
const TSX = pathToFileURL(createRequire(resolve(ROOT, 'package.json')).resolve('tsx')).href;

const { values } = parseCli({
  tool: TOOL,
  usage: USAGE,
  options: {
    instances: { type: 'string', default: '3' },
    port: { type: 'string', default: '4000' },
  },
});
const instances = Number(values['instances']);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
  failUsage(
    TOOL,
    `--instances must be an integer from 1 to 16 (got "${String(values['instances'])}")`,
  );
}
const port = Number(values['port']);
if (!Number.isInteger(port) || port < 1 || port + instances > 65535) {
  failUsage(
    TOOL,
    `--port must be a port with ${instances} free ports after it (got "${String(values['port'])}")`,
  );
}
for (const name of ['DATABASE_URL', 'REDIS_URL']) {
  if (!process.env[name])
    failUsage(TOOL, `${name} must be set: instances share PostgreSQL and Redis`);
}

/** Starts instance `index` (1-based) and resolves once it serves. */
function startInstance(index: number): Promise<ChildProcess> {
  const id = `web-${index}`;
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port + index),
      INSTANCE_ID: id,
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ready, failed) => {
    const relay = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n').filter(Boolean))
        process.stdout.write(`[${id}] ${line}\n`);
      if (text.includes('serving on ')) ready(child);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.once('exit', (code) => {
      failed(new Error(`${id} exited (${String(code)})`));
    });
  });
}

const children: ChildProcess[] = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  // The first instance migrates the database and creates the admin key; the others follow.
  children.push(await startInstance(1));
  children.push(
    ...(await Promise.all(Array.from({ length: instances - 1 }, (_, i) => startInstance(i + 2)))),
  );
} catch (error) {
  process.stderr.write(`${TOOL}: ${error instanceof Error ? error.message : String(error)}\n`);
  stop();
  process.exit(1);
}
const proxy = await startRoundRobinProxy({
  port,
  host: '0.0.0.0',
  targets: children.map((_, i) => `http://127.0.0.1:${port + i + 1}`),
});
process.stdout.write(
  `${TOOL}: ${instances} instances behind http://localhost:${port} (round robin; Ctrl-C stops them)\n`,
);
await Promise.all(children.map((child) => new Promise((done) => child.once('exit', done))));
await proxy.close();
