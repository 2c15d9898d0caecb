/**
 * Issue 19, items 1–2: a dashboard built in the browser. Chromium (admin key) creates a dashboard,
 * adds a variable and three panels — a time series of `api.responseTime` p95 by operation, a stat
 * with a sparkline and a Markdown text — saves, reloads, and finds them drawn from the server's
 * data (the operations recorded by real requests). `E2E_SCREENSHOT_DIR` keeps screenshots of the
 * editor and the result.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'d'.repeat(43)}`;

let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  testApp = await startTestApp({ ADMIN_API_KEY, CACHE_WARM_ON_START: 'false' });
  browser = await launchChromium();
  // Real requests, so api.responseTime has series tagged with these operations.
  for (const [name, query] of [
    ['Flavors', 'query Flavors { flavors(first: 2) { totalCount } }'],
    ['Ingredients', 'query Ingredients { ingredients { id } }'],
  ] as const) {
    for (let i = 0; i < 3; i++) {
      await fetch(`${testApp.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName: name }),
      });
    }
  }
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOT_DIR'];
  if (dir !== undefined && dir !== '')
    await page.screenshot({ path: join(dir, name), fullPage: true });
}

async function openAsAdmin(path: string): Promise<Page> {
  const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  await context.addInitScript((apiKey) => {
    if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', apiKey);
  }, ADMIN_API_KEY);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${testApp!.baseUrl}${path}`);
  return page;
}

async function addPanel(page: Page, kind: string, title: string): Promise<void> {
  await page.getByLabel('Panel kind').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add panel' }).click();
  const editor = page.getByRole('complementary', { name: 'Panel settings' });
  await editor.getByLabel('Title').fill(title);
}

describe('building a dashboard in the browser', () => {
  it(
    'creates a dashboard with a p95-by-operation panel, saves it, and finds it after a reload',
    { timeout: 90_000 },
    async () => {
      const page = await openAsAdmin('/dashboards');
      await page.getByRole('button', { name: 'New dashboard' }).click();
      await page.getByRole('heading', { name: 'Editing New dashboard' }).waitFor();
      const editingUrl = new URL(page.url());
      const id = editingUrl.pathname.split('/').at(-1)!;

      await page.getByLabel('Title', { exact: true }).first().fill('Latency board');
      await page.getByRole('button', { name: 'Add variable' }).click();

      await addPanel(page, 'Time series', 'p95 by operation');
      const editor = page.getByRole('complementary', { name: 'Panel settings' });
      await editor.getByLabel('Metric').fill('api.responseTime');
      await editor.getByLabel('Statistic').selectOption('p95');
      await editor.getByLabel('Group by tag').fill('operation');
      await editor.getByRole('button', { name: 'Done' }).click();

      await addPanel(page, 'Stat', 'API p95');
      await editor.getByRole('button', { name: 'Add filter' }).click();
      await editor.getByLabel('Filter 1 tag').fill('operation');
      await editor.getByLabel('Filter 1 value').fill('$operation');
      await editor.getByRole('button', { name: 'Done' }).click();

      await addPanel(page, 'Text', 'Notes');
      await editor
        .getByLabel('Markdown')
        .fill(
          '**Watch** the p95 <img src=x onerror="window.hacked = 1"><script>window.hacked = 2</script> [x](javascript:window.hacked=3)',
        );
      await editor.getByRole('button', { name: 'Done' }).click();

      // The preview draws the grouped series from the server before anything is saved.
      await page.getByText('Flavors').first().waitFor();
      await screenshot(page, 'dashboard-editor.png');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Latency board' }).waitFor();

      await page.goto(`${testApp!.baseUrl}/dashboards/${id}`);
      const panel = page.getByRole('region', { name: 'p95 by operation' });
      await panel.getByText('Flavors').waitFor();
      expect(await panel.textContent()).toContain('Ingredients');
      await page.getByRole('region', { name: 'API p95' }).getByTestId('stat-value').waitFor();
      expect(
        await page.getByRole('region', { name: 'Notes' }).locator('strong').textContent(),
      ).toBe('Watch');
      // Sanitised in a real DOM (DOMPurify): no handler, script or javascript: link survives.
      const notes = page.getByRole('region', { name: 'Notes' });
      expect(await notes.innerHTML()).not.toMatch(/onerror|<script|javascript:/);
      expect(await page.evaluate(() => 'hacked' in window)).toBe(false);
      // The variable's picker offers the operations seen; picking one goes into the address.
      await page.getByLabel('operation', { exact: true }).selectOption('Flavors');
      expect(new URL(page.url()).searchParams.get('var-operation')).toBe('Flavors');
      await screenshot(page, 'dashboard-result.png');

      const stored = await testApp!.app.services.dashboards.get(id, {
        kind: 'key',
        keyId: 0,
        name: 'test',
        role: 'admin',
        rateLimitPolicy: null,
        ip: '127.0.0.1',
      });
      const query = stored?.parsed.panels.find((entry) => entry.title === 'p95 by operation')
        ?.queries[0];
      expect(query).toMatchObject({
        metric: 'api.responseTime',
        stat: 'p95',
        groupBy: 'operation',
      });
      expect(stored?.version).toBe(2);
      await page.context().close();
    },
  );
});
