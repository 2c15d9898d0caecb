import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GraphQLResponse } from '../../apps/server/src/testing/graphql-request.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const MAIN = resolve(ROOT, 'apps/server/src/main.ts');
/** tsx's loader, as the root package sees it. */
const TSX = createRequire(resolve(ROOT, 'package.json')).resolve('tsx');

/** The real server (`apps/server/src/main.ts`) in a child process. */
export interface ServerProcess {
  pid: number;
  /** Base URL printed by the server (`Taurine is serving on …`). */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a GraphQL operation over HTTP with `x-api-key: apiKey` and returns the JSON body. */
  graphql<TData>(
    apiKey: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>>;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

/** Where {@link startServerProcess} runs the server. */
export interface ServerProcessOptions {
  /**
   * Working directory. `apps/server` is where `npm start` (its `serve` step) runs it.
   * @default the repository root
   */
  cwd?: string;
  /**
   * The script to run instead of the Taurine server; it must print `serving on <url>`.
   * @default apps/server/src/main.ts
   */
  script?: string;
  /** Extra Node options before the script, e.g. `--cpu-prof`. @default none */
  nodeArgs?: string[];
  /**
   * Load the script through tsx. False runs JavaScript with plain `node` (a compiled server).
   * @default true
   */
  tsx?: boolean;
}

/**
 * Starts the server with `node --import tsx` rather than `npx tsx`: npx and the tsx CLI each run
 * the script in a child process, and a SIGKILL (which cannot be forwarded) would hit the wrapper
 * and leave the server running. Listens on 127.0.0.1, port 0; `env` is added to a clean base
 * (production mode, no Redis, no PostgreSQL, no other alert channel).
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  // tsx by path: `--import tsx` is resolved from the working directory, which need not see it.
  const loader = options.tsx === false ? [] : ['--import', pathToFileURL(TSX).href];
  const args = [...(options.nodeArgs ?? []), ...loader];
  const child = spawn(process.execPath, [...args, options.script ?? MAIN], {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  const url = await new Promise<string>((ready, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const listen = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(match[1]!);
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      failed(new Error(`the server exited (${String(code ?? signal)}):\n${output}`));
    });
  });
  return {
    pid: child.pid!,
    url,
    output: () => output,
    async graphql(apiKey, query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
