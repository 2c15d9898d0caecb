import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildApp } from '../../apps/server/src/app.ts';
import type { App } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';

/** The production build of the SPA; `npm test` builds it before any suite runs. */
export const WEB_DIST_DIR = resolve(fileURLToPath(import.meta.url), '../../../apps/web/dist');
/** The SPA's persisted documents, as `npm start` serves them (queries go by hash). */
const PERSISTED_DOCUMENTS = join(WEB_DIST_DIR, '../src/gql/persisted-documents.json');

/** Debian's Chromium; see ARCHITECTURE.md "Known pitfalls". */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, with background traffic (updates, sync) switched off. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A real server on a free port with its own empty data directory. */
export interface TestApp {
  app: App;
  baseUrl: string;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

/** Fails with instructions when the SPA has not been built. */
export function assertWebBuildExists(): void {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(
      `No SPA build at ${WEB_DIST_DIR}. Run \`pnpm run build\` (npm test does it) before the e2e suite.`,
    );
  }
}

/**
 * Starts the real server in-process, serving the built SPA, on 127.0.0.1 and a free port. `env`
 * adds configuration, e.g. `{ COLLECT_INTERVAL_MS: '500' }` for snapshots twice a second.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  assertWebBuildExists();
  const dataDir = await mkdtemp(join(tmpdir(), 'taurine-e2e-'));
  try {
    const app = await buildApp(
      loadConfig(
        { ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test' },
        { webDistDir: WEB_DIST_DIR, persistedDocumentsPath: PERSISTED_DOCUMENTS },
      ),
    );
    const { url } = await app.start().catch(async (error: unknown) => {
      await app.stop();
      throw error;
    });
    return {
      app,
      baseUrl: url,
      async close() {
        try {
          await app.stop();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Headless Debian Chromium with background traffic switched off. `extraArgs` adds switches, e.g.
 * {@link OFFLINE_CHROMIUM_ARGS}.
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Chromium switches for a machine without internet: no host name but loopback resolves. */
export const OFFLINE_CHROMIUM_ARGS: readonly string[] = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Cuts a browser context off from everything but loopback, as on a machine without internet:
 * every other request is aborted and its URL collected in the returned list.
 */
export async function cutOffInternet(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    const loopback = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    if (loopback || protocol === 'data:' || protocol === 'blob:') {
      await route.continue();
      return;
    }
    blocked.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  return blocked;
}
