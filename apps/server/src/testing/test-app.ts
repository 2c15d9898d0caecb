import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

export interface TestApp extends App {
  dataDir: string;
  /** Runs a GraphQL operation through `yoga.fetch` and returns the parsed JSON body. */
  // The caller names the shape it expects back, as GraphQL clients do.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    data?: TData;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>;
  /** Stops the app and deletes its data directory. */
  dispose(): Promise<void>;
}

/** A real app (real SQLite file in a fresh temp dir) for tests; env overrides are validated. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taurine-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...env,
  });
  const app = await buildApp(config);
  return {
    ...app,
    dataDir,
    async graphql(query, variables, headers = {}) {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async dispose() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
