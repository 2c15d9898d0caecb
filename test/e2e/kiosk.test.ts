/**
 * Issue 13, item 4: `/monitoring?kiosk` on a wall screen. The real server runs as its own process
 * (as `npm start` runs it) so that it can be restarted under the open page: the key comes from
 * the address's fragment and leaves the address bar, the dashboard fits 1920 × 1080 and
 * 1366 × 768 without scrolling, and after a restart it is live again by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuildExists, launchChromium } from '../testing/e2e-harness.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'w'.repeat(43)}`;

let dataDir: string;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let viewerKey: string;

/** The server with this suite's data directory: keys and rollups survive a restart. */
const startServer = (port: string) =>
  startServerProcess(
    {
      ADMIN_API_KEY,
      DATA_DIR: dataDir,
      PORT: port,
      COLLECT_INTERVAL_MS: '500',
      CACHE_WARM_ON_START: 'false',
    },
    90_000,
  );

beforeAll(async () => {
  assertWebBuildExists();
  dataDir = await mkdtemp(join(tmpdir(), 'taurine-kiosk-'));
  server = await startServer('0');
  const created = await server.graphql<{ createApiKey: { key: string } }>(
    ADMIN_API_KEY,
    `mutation { createApiKey(input: { name: "wall", role: VIEWER }) { ... on CreatedApiKey { key } } }`,
  );
  viewerKey = created.data!.createApiKey.key;
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
});

/** Scroll sizes of the document and where the lowest panel ends, against the window. */
const measure = (target: Page) =>
  target.evaluate(() => {
    const panels = [...document.querySelectorAll('.panel, .metric-card')];
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      lowestPanelBottom: Math.max(...panels.map((panel) => panel.getBoundingClientRect().bottom)),
    };
  });

/** Waits until every chart is drawn at the height the kiosk layout gives it. */
async function waitForFittedCharts(target: Page, viewportHeight: number) {
  await target.waitForFunction((height) => {
    const charts = [...document.querySelectorAll('.chart')];
    return (
      charts.length === 5 &&
      charts.every((chart) => chart.getBoundingClientRect().bottom <= height) &&
      document.documentElement.scrollHeight <= height
    );
  }, viewportHeight);
}

describe('kiosk mode on a wall screen', () => {
  it('takes the key from the fragment and removes it from the address', async () => {
    await page.goto(`${server!.url}/monitoring?kiosk#key=${viewerKey}`);
    await page.getByTestId('chart-response-time').waitFor();
    expect(page.url()).toBe(`${server!.url}/monitoring?kiosk`);
    expect(await page.evaluate(() => localStorage.getItem('taurine.apiKey'))).toBe(viewerKey);
    expect(await page.getByTestId('access-panel').count()).toBe(0);
    // No navigation, no controls: a screen to look at.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('.shell')!).backgroundColor,
    );
    expect(background).toBe('rgb(0, 0, 0)');
  });

  it.each([
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ])('fits $width × $height without scrolling', async (size) => {
    await page.setViewportSize(size);
    await waitForFittedCharts(page, size.height);
    const measured = await measure(page);
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.innerWidth);
    expect(measured.scrollHeight).toBeLessThanOrEqual(measured.innerHeight);
    expect(measured.lowestPanelBottom).toBeLessThanOrEqual(measured.innerHeight);
  });

  it('is live again by itself after the server restarts', async () => {
    const status = page.getByTestId('live-status');
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
    const port = new URL(server!.url).port;
    await server!.kill('SIGTERM');
    await page.locator('[data-testid="live-status"][data-status="reconnecting"]').waitFor();
    server = await startServer(port);
    const restartedAt = Date.now();
    // Live again, with a snapshot collected by the new process.
    await page.waitForFunction(
      (after) => {
        const badge = document.querySelector('[data-testid="live-status"]');
        const time = badge?.querySelector('time')?.getAttribute('datetime');
        return badge?.getAttribute('data-status') === 'live' && time && Date.parse(time) > after;
      },
      restartedAt,
      { timeout: 60_000 },
    );
    expect(await status.getAttribute('data-status')).toBe('live');
    expect(await page.getByTestId('access-panel').count()).toBe(0);
  });
});
