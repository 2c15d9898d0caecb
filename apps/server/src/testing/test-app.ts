import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../access/api-keys.ts';
import type { App } from '../app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { graphqlRequest } from './graphql-request.ts';
import type { GraphQLResponse } from './graphql-request.ts';

export interface TestApp extends App {
  dataDir: string;
  /** The bootstrap admin key (`ADMIN_API_KEY`); `graphql()` sends it unless told otherwise. */
  adminKey: string;
  /** Creates a key of `role` and returns the plaintext. */
  createKey(role: 'viewer' | 'operator' | 'admin', name?: string): Promise<string>;
  /**
   * Runs a GraphQL operation through `yoga.fetch` and returns the parsed JSON body. Sends the admin
   * key unless `headers` names another `x-api-key` (`''` for an anonymous call).
   */
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  /** Stops the app and deletes its data directory. */
  dispose(): Promise<void>;
}

/** A real app (real SQLite file in a fresh temp dir) for tests; env overrides are validated. */
export async function createTestApp(
  env: Record<string, string> = {},
  defaults: Parameters<typeof loadConfig>[1] = {},
  options: Parameters<typeof buildApp>[1] = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taurine-test-'));
  const adminKey = generateApiKey().key;
  const config = loadConfig(
    {
      ADMIN_API_KEY: adminKey,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // A healthy Redis on a loaded CI machine can take longer than the production defaults; a
      // test about those timeouts sets its own.
      REDIS_TIMEOUT_MS: '2000',
      // Quiet whatever NODE_ENV a test picks; a test reading the log sets LOG_LEVEL.
      LOG_LEVEL: 'silent',
      ...env,
    },
    defaults,
  );
  const app = await buildApp(config, options);
  return {
    ...app,
    dataDir,
    adminKey,
    async createKey(role, name = `test-${role}`) {
      const created = await app.services.apiKeys.create({ name, role, createdBy: 'test' });
      return created.key;
    },
    async graphql(query, variables, headers = {}) {
      const response = await app.yoga.fetch(
        graphqlRequest(query, variables, { 'x-api-key': adminKey, ...headers }),
      );
      return (await response.json()) as never;
    },
    async dispose() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two instances (`INSTANCE_ID` `a` and `b`) on one database, as behind a load balancer, so a key
 * works on both; `env` configures both. Dispose the second before the first, whose data it uses.
 */
export async function createTestAppPair(
  env: Record<string, string> = {},
): Promise<[first: TestApp, second: TestApp]> {
  const first = await createTestApp({ ...env, INSTANCE_ID: 'a' });
  const second = await createTestApp({
    ...env,
    INSTANCE_ID: 'b',
    DATA_DIR: first.dataDir,
    ADMIN_API_KEY: first.adminKey,
  }).catch(async (error: unknown) => {
    await first.dispose();
    throw error;
  });
  return [first, second];
}
