import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

const here = dirname(fileURLToPath(import.meta.url));
const webDistDir = join(here, '../../web/dist');
const persistedDocumentsPath = join(here, '../../web/src/gql/persisted-documents.json');

try {
  const config = loadConfig(process.env, { webDistDir, persistedDocumentsPath });
  const app = await buildApp(config);
  const { url } = await app.start();
  console.log(`Taurine is serving on ${url}  (GraphQL: ${url}/graphql, health: ${url}/health)`);
  if (app.bootstrapAdminKey) {
    // Shown once: only its hash is stored. Without it, create keys with `npm run keys`.
    console.log(
      `\nFirst start: an admin API key was generated. Store it now; it is not shown again:\n\n  ${app.bootstrapAdminKey}\n\nSend it as the x-api-key header (or set ADMIN_API_KEY to choose your own).\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: shutting down`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
