/**
 * Redis for tests: clients for the shared local Redis with a key prefix no other run uses (and the
 * clean-up of everything under it), and a private redis-server on a spare port that a test may
 * kill and restart, so outage tests never touch the shared Redis.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';

const SHARED_REDIS = { host: '127.0.0.1', port: 6379 } as const;

/** The Redis every test run shares; runs isolate themselves by key prefix. */
export const SHARED_REDIS_URL = `redis://${SHARED_REDIS.host}:${SHARED_REDIS.port}`;

/** A prefix no other run uses: `taurine-test:<random>:`. */
export function uniqueRedisPrefix(): string {
  return `taurine-test:${randomUUID()}:`;
}

/** A connected client; connection errors are swallowed (tests assert through what they test). */
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

/**
 * Removes every key under `prefix` (SCAN + UNLINK, never KEYS), so a run leaves the shared Redis
 * as it was. Uses `client`, or a connection of its own to the shared Redis.
 */
export async function deleteRedisKeys(prefix: string, client?: Redis): Promise<number> {
  const redis = client ?? (await connectRedis());
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix.replace(/[\\*?[\]]/g, '\\$&')}*`,
        'COUNT',
        1000,
      );
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    if (client === undefined) await redis.quit();
  }
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
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
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
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = spawned;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        reject(new Error(`redis-server did not start within 10 s: ${output}`));
      }, 10_000);
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
  return { port, url: `redis://${SHARED_REDIS.host}:${port}`, kill, start };
}
