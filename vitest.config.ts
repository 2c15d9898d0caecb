import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS (`main`) and ESM (`module`) builds. Node loads the CJS build for yoga and
// Pothos; Vite would pick the ESM build for our sources, and two copies break `instanceof
// GraphQLError`. Pin the one Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

/**
 * One runner for the whole monorepo. Unit tests sit beside the code; cross-package suites live in
 * `test/`. Integration and end-to-end suites use real Redis, PostgreSQL, sockets and Chromium.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          setupFiles: ['test/testing/fast-check-seed.ts'],
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      'apps/web',
      {
        extends: true,
        test: {
          name: 'integration',
          setupFiles: ['test/testing/fast-check-seed.ts'],
          include: ['test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
