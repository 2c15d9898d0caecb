import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { calculate } from '@taurine/calculator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

/** Snapshots every half second, so "pushed without reload" does not wait 30 s. */
const COLLECT_INTERVAL_MS = '500';
/** The bootstrap admin key; the SPA sends it as `x-api-key` once it is in its setting. */
const ADMIN_API_KEY = `tk_0a1b2c3d_${'k'.repeat(43)}`;

let testApp: TestApp | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  testApp = await startTestApp({ COLLECT_INTERVAL_MS, ADMIN_API_KEY });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

/** A fresh browser profile (own localStorage, Service Worker, cache) with error capture. */
async function newPage(options: { serviceWorkers?: 'allow' | 'block' } = {}) {
  const context = await browser!.newContext({
    locale: 'en-US',
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  // What the "API key" setting stores: the dashboards need a viewer key.
  await context.addInitScript((key) => {
    // about:blank has no localStorage.
    if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', key);
  }, ADMIN_API_KEY);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page };
}

/** Sum of a counter's series whose tags include `tags`, over the last hour, on the server. */
const serverSum = (name: string, tags: Record<string, string>) =>
  testApp!.app.services.metrics.registry.stats(name, tags, '1h').sum ?? 0;

/** A few calculator requests straight to the API, as real traffic. */
async function sendTraffic(count: number) {
  for (let index = 0; index < count; index += 1) {
    await fetch(
      `${testApp!.baseUrl}/graphql?query=${encodeURIComponent('{ ingredients { id } }')}`,
      {
        headers: { 'x-graphql-yoga-csrf': '1' },
      },
    );
  }
}

/** Makes the page report itself hidden, as when its tab goes to the background. */
async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** Leaves the page so that it is hidden and unloaded: the tracker flushes its batch to /rum. */
async function leave(page: Page) {
  await page.goto('about:blank');
}

describe('monitoring dashboard in Chromium against the real server', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage());
  });
  afterAll(async () => {
    await context.close();
  });

  it('shows pushed snapshots: its numbers change without a reload', async () => {
    await page.goto(`${testApp!.baseUrl}/monitoring?range=5m`);
    const status = page.getByTestId('live-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
    const requests = page.getByTestId('card-requests-24h-value');
    await expect.poll(() => requests.textContent(), { timeout: 10_000 }).toMatch(/^\d/);
    const before = await requests.textContent();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await sendTraffic(25);
    // A snapshot can be pushed while the 25 requests are still arriving, so wait for the count
    // to cover all of them rather than for the first change.
    const count = async () => Number((await requests.textContent())!.replace(/,/g, ''));
    await expect
      .poll(count, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(Number(before!.replace(/,/g, '')) + 25);
    expect(navigations).toEqual([]);
    expect(await page.getByTestId('dependency-database').textContent()).toContain('Up');
  });

  it('changes the chart and the URL with the range picker', async () => {
    const chart = page.getByTestId('chart-response-time');
    const span = async () =>
      Date.parse((await chart.getAttribute('data-range-to'))!) -
      Date.parse((await chart.getAttribute('data-range-from'))!);
    expect(await span()).toBe(5 * 60_000);
    await page.getByRole('button', { name: '15m', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('15m');
    await expect.poll(span).toBe(15 * 60_000);
    expect(await page.getByTestId('range-description').textContent()).toBe('Last 15 minutes');

    // Dragging across a chart zooms into that stretch and locks it in the URL.
    const overlay = page.getByTestId('chart-response-time-overlay');
    await overlay.scrollIntoViewIfNeeded();
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.has('from')).toBe(true);
    await expect.poll(span).toBeLessThan(15 * 60_000);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('15m');
  });

  it('exports the chart’s points as CSV in the server export’s shape', async () => {
    await page.goto(`${testApp!.baseUrl}/monitoring?range=15m`);
    const chart = page.getByTestId('chart-throughput');
    await expect
      .poll(async () => Number(await chart.getAttribute('data-point-count')), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-throughput').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^taurine-throughput-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('"timestamp","metric_name","value","tags"');
    const rows = lines.slice(1);
    // The points drawn when the file was made (the count can only have grown since).
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(Number(await chart.getAttribute('data-point-count')));
    for (const row of rows) {
      expect(row).toMatch(
        /^"\d{4}-\d\d-\d\dT[\d:.]+Z","api\.(requests|errors)\.rate","[\d.e-]+","(type=server)?"$/,
      );
    }
  });

  it('hides the navigation, settings and footer in kiosk mode', async () => {
    await page.goto(`${testApp!.baseUrl}/monitoring?kiosk`);
    await expect
      .poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('live');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.locator('footer').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await page.getByTestId('chart-memory').isVisible()).toBe(true);
    await page.goto(`${testApp!.baseUrl}/monitoring`);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
  });
});

describe('Web Vitals and browser cache tiers', () => {
  it('sends the vitals of a real page load to /rum and shows them on the performance page', async () => {
    const { context, page } = await newPage();
    const loadsBefore = serverSum('webvitals.ratings', { metric: 'TTFB', route: '/' });
    await page.goto(`${testApp!.baseUrl}/`);
    await page.waitForSelector('html[data-rum="on"]', { timeout: 15_000 });
    await page.getByLabel('Search flavors').fill('red');
    await leave(page);
    await expect
      .poll(() => serverSum('webvitals.ratings', { metric: 'TTFB', route: '/' }), {
        timeout: 10_000,
      })
      .toBeGreaterThan(loadsBefore);
    expect(
      serverSum('webvitals.ratings', { metric: 'FCP', route: '/', device: 'desktop' }),
    ).toBeGreaterThan(0);
    // The tracker's attribution arrives (TTFB's phases), and web-vitals rated as the server does.
    const registry = testApp!.app.services.metrics.registry;
    expect(
      registry.stats('webvitals.phases', { metric: 'TTFB', route: '/' }, '1h').count,
    ).toBeGreaterThan(0);
    expect(registry.stats('webvitals.ratingMismatches', {}, '1h').count).toBe(0);

    await page.goto(`${testApp!.baseUrl}/performance?window=LAST_1H`);
    const row = page.getByTestId('route-row-/');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row.locator('td[data-vital="TTFB"]').textContent()).toMatch(/\d+ ms/);
    await expect.poll(() => page.getByTestId('vital-FCP-value').textContent()).toMatch(/\d+ ms/);
    await expect.poll(() => page.getByTestId('score-value').textContent()).toMatch(/^\d+$/);
    await context.close();
  });

  it('counts localStorage hits when the catalogue and the last drink come back from it', async () => {
    const { context, page } = await newPage();
    const hitsBefore = serverSum('browser.cache.lookups', { tier: 'localStorage', outcome: 'hit' });
    await page.goto(`${testApp!.baseUrl}/`);
    await page.getByLabel('Search flavors').fill('red bull');
    await page.getByTestId('flavor-option-red-bull-original').click();
    await expect
      .poll(() => page.getByTestId('result-caffeine').textContent(), { timeout: 10_000 })
      .toMatch(/mg/);
    await page.reload();
    // The drink and the catalogue come back from localStorage.
    await expect
      .poll(() => page.getByTestId('restored-drink').count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(() => page.getByTestId('result-caffeine').textContent(), { timeout: 10_000 })
      .toMatch(/mg/);
    await page.waitForSelector('html[data-rum="on"]', { timeout: 15_000 });
    await leave(page);
    await expect
      .poll(() => serverSum('browser.cache.lookups', { tier: 'localStorage', outcome: 'hit' }), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(hitsBefore + 2);

    await page.goto(`${testApp!.baseUrl}/monitoring?range=5m`);
    await expect
      .poll(() => page.getByTestId('cache-tier-localStorage-rate').textContent(), {
        timeout: 10_000,
      })
      .toMatch(/%$/);
    await context.close();
  });

  it('lets the Service Worker take control and keeps the calculator working offline', async () => {
    const { context, page } = await newPage({ serviceWorkers: 'allow' });
    const hitsBefore = serverSum('browser.cache.lookups', {
      tier: 'serviceWorker',
      outcome: 'hit',
    });
    await page.goto(`${testApp!.baseUrl}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    // Now the worker sees every request: load the drink once through it.
    await page.reload();
    await page.getByLabel('Search flavors').fill('red bull');
    await page.getByTestId('flavor-option-red-bull-original').click();
    const caffeine = page.getByTestId('result-caffeine');
    await expect.poll(() => caffeine.textContent(), { timeout: 10_000 }).toMatch(/mg/);
    const online = await caffeine.textContent();

    await context.setOffline(true);
    // Forget the localStorage tier too, so everything below comes from the Service Worker.
    await page.evaluate(() => {
      localStorage.clear();
    });
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Energy drink calculator');
    await page.getByLabel('Search flavors').fill('red bull');
    await page.getByTestId('flavor-option-red-bull-original').click();
    await expect.poll(() => caffeine.textContent(), { timeout: 10_000 }).toBe(online);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    // A drink never calculated online: the device calculates it with the same calculate().
    await page.getByLabel('Serving size (ml)').fill('330');
    const offlineResult = page.getByTestId('offline-result');
    await offlineResult.waitFor({ timeout: 10_000 });
    const expected = calculate({ flavorId: 'red-bull-original', servingMl: 330, addIns: [] });
    if (!expected.ok) throw new Error('fixture drink should be valid');
    expect(await offlineResult.getByTestId('result-caffeine').textContent()).toContain(
      String(expected.result.caffeineMg),
    );

    // Its hits reach the dashboard with the next batch, sent when the page is hidden (the page
    // stays open here, so the beacon is not racing the page's unload).
    await context.setOffline(false);
    await page.waitForSelector('html[data-rum="on"]', { timeout: 15_000 });
    await hide(page);
    await expect
      .poll(() => serverSum('browser.cache.lookups', { tier: 'serviceWorker', outcome: 'hit' }), {
        timeout: 10_000,
      })
      .toBeGreaterThan(hitsBefore);
    await context.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('alerts', () => {
  /** POSTs a GraphQL operation with the admin key. */
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${testApp!.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_API_KEY },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };

  it('shows a forced alert on the dashboard and acknowledges it from there', async () => {
    // A rule that cannot hold back: the heap is always above 0 MB.
    const created = await graphql(`
      mutation {
        createAlertRule(
          input: {
            name: "E2E heap above zero"
            metric: "process.heapUsedMB"
            stat: LAST
            window: LAST_1M
            comparison: GT
            threshold: 0
            severity: WARNING
            forMs: 0
          }
        ) {
          __typename
          ... on AlertRule {
            id
          }
          ... on ValidationError {
            message
          }
        }
      }
    `);
    expect(created.data?.['createAlertRule']).toMatchObject({ __typename: 'AlertRule' });

    const { context, page } = await newPage();
    await page.goto(`${testApp!.baseUrl}/monitoring?range=5m`);
    const row = page.locator('[data-testid^="recent-alert-"]', { hasText: 'E2E heap above zero' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => row.getByRole('button', { name: 'Acknowledge' }).count(), { timeout: 10_000 })
      .toBe(1);
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    // Acknowledging asks for an optional comment first; it lands in the alert's history.
    await row.getByLabel('Comment (optional)').fill('looking into it');
    await row.getByRole('button', { name: 'Confirm acknowledge' }).click();
    await expect
      .poll(() => row.locator('[data-testid^="alert-actions-"]').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('ACKNOWLEDGED');

    // The server agrees, and the alerts page lists it as acknowledged, with its history.
    const fingerprint = (await row.getAttribute('data-testid'))!.replace('recent-alert-', '');
    const stored = await graphql('query ($id: ID!) { alert(id: $id) { status acknowledgedBy } }', {
      id: fingerprint,
    });
    expect(stored.data?.['alert']).toMatchObject({ status: 'ACKNOWLEDGED' });
    await page.goto(`${testApp!.baseUrl}/alerts?status=ACKNOWLEDGED`);
    const listed = page.getByTestId(`alert-${fingerprint}`);
    await expect.poll(() => listed.count(), { timeout: 10_000 }).toBe(1);
    await listed.getByRole('link', { name: 'E2E heap above zero' }).click();
    await expect
      .poll(() => page.getByTestId('alert-detail').textContent(), { timeout: 10_000 })
      .toContain('acknowledged');
    await context.close();
  });
});
