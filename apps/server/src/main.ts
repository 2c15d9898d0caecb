import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

const here = dirname(fileURLToPath(import.meta.url));
const webDistDir = join(here, '../../web/dist');
const persistedDocumentsPath = join(here, '../../web/src/gql/persisted-documents.json');

try {
  const config = loadConfig(process.env, { webDistDir, persistedDocumentsPath });
  const app = await buildApp(config);
  const { logger } = app;
  // Logs `Taurine is serving on <url>`, which scripts and tests read.
  await app.start();
  if (app.bootstrapAdminKey) {
    // Shown once, for the person at the terminal, whatever LOG_LEVEL says: only its hash is
    // stored. Without it, create keys with `npm run keys`.
    process.stdout.write(
      `\nFirst start: an admin API key was generated. Store it now; it is not shown again:\n\n  ${app.bootstrapAdminKey}\n\nSend it as the x-api-key header (or set ADMIN_API_KEY to choose your own).\n\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stop', signal }, `${signal} received: shutting down`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'stop-failed', err: error }, 'shutdown failed');
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
    // LOG_LEVEL may be the invalid value: this line is always written, to stderr.
    pino({ base: null }, pino.destination({ dest: 2, sync: true })).fatal(
      { event: 'config-invalid', problems: error.problems },
      error.message,
    );
    process.exit(2);
  }
  throw error;
}
