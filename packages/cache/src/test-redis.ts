/**
 * Test support (exported through `@taurine/cache/testing`, not the package's entry): clients for
 * the shared local Redis with a unique key prefix per run, and a private redis-server on a spare
 * port that tests may kill and restart.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';

const SHARED_REDIS = { host: '127.0.0.1', port: 6379 } as const;

/** A prefix no other run uses: `taurine-test:<random>:`. */
export function uniquePrefix(): string {
  return `taurine-test:${randomUUID()}:`;
}

/** A connected client; connection errors are swallowed (tests assert through the cache). */
export async function connectRedis(
  port: number = SHARED_REDIS.port,
  options: RedisOptions = {},
): Promise<Redis> {
  const client = new Redis({
    host: SHARED_REDIS.host,
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 100,
    ...options,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Removes every key under `prefix` (SCAN + UNLINK). */
export async function deleteByPrefix(client: Redis, prefix: string): Promise<number> {
  let removed = 0;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(
      cursor,
      'MATCH',
      `${prefix.replace(/[\\*?[\]]/g, '\\$&')}*`,
      'COUNT',
      1000,
    );
    cursor = next;
    if (keys.length > 0) removed += await client.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}

/** A port nobody listens on at the moment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** A private redis-server (no persistence) that a test can kill and start again on the same port. */
export interface PrivateRedisServer {
  readonly port: number;
  /** SIGKILL, as in a crash; resolves when the process has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves when it accepts connections. */
  start(): Promise<void>;
}

export async function startPrivateRedisServer(): Promise<PrivateRedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const spawned = spawn(
      '/usr/bin/redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = spawned;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        reject(new Error(`redis-server did not start: ${output}`));
      }, 5000);
      spawned.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      spawned.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => {
        resolve();
      });
      running.kill('SIGKILL');
    });
  };
  await start();
  return { port, kill, start };
}
