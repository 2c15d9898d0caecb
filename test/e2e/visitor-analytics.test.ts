import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliateCommission, flavorById } from '@taurine/calculator';
import type { AnalyticsBeacon } from '@taurine/vitals';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';
import { waitUntil } from '../testing/wait-until.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'a'.repeat(43)}`;
let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  testApp = await startTestApp({ ADMIN_API_KEY, AFFILIATE_COMMISSION_RATES: 'red-bull-gmbh=0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

interface Stats {
  count: number;
  sum: number | null;
}

/** The server's `stats` over the last hour, through GraphQL as a dashboard reads them. */
async function stats(name: string, tags: Record<string, string> = {}): Promise<Stats> {
  const response = await fetch(`${testApp!.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_API_KEY },
    body: JSON.stringify({
      query:
        'query($name: String!, $tags: [TagInput!]) { stats(name: $name, tags: $tags, window: LAST_1H) { count sum } }',
      variables: { name, tags: Object.entries(tags).map(([key, value]) => ({ key, value })) },
    }),
  });
  const body = (await response.json()) as { data: { stats: Stats } };
  return body.data.stats;
}

const sum = async (name: string, tags?: Record<string, string>) =>
  (await stats(name, tags)).sum ?? 0;

/** Every route's and feature's server count, for the keys of the browser's last totals. */
async function serverTotals(beacon: AnalyticsBeacon) {
  const pageViews: Record<string, number> = {};
  for (const route of Object.keys(beacon.pageViews))
    pageViews[route] = await sum('visitor.pageViews', { route });
  const features: Record<string, number> = {};
  for (const feature of Object.keys(beacon.features))
    features[feature] = await sum('feature.usage', { feature });
  return { pageViews, features };
}

describe('visitor and business analytics from a scripted browser session', () => {
  it('counts exactly the page views, feature uses, session and affiliate click the browser sent', async () => {
    const { baseUrl } = testApp!;
    const flavor = flavorById('red-bull-original')!;
    const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    const origin = new URL(baseUrl).origin;
    // Nothing leaves the machine: the affiliate shop gets a stub page.
    await context.route(
      (url) => url.origin !== origin,
      (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Shop</title>' }),
    );
    // Every beacon the page hands to the browser is kept in localStorage too, so the ones sent
    // while the page unloads can be read afterwards (the request events stop at unload).
    await context.addInitScript(() => {
      const send = navigator.sendBeacon.bind(navigator);
      navigator.sendBeacon = (url, data) => {
        if (String(url) === '/analytics' && typeof data === 'string') {
          const sent = JSON.parse(localStorage.getItem('test.beacons') ?? '[]') as string[];
          localStorage.setItem('test.beacons', JSON.stringify([...sent, data]));
        }
        return send(url, data);
      };
    });
    const page = await context.newPage();
    const sentBeacons = async (): Promise<AnalyticsBeacon[]> => {
      const reader = await context.newPage();
      await reader.goto(`${baseUrl}/health`);
      const sent = await reader.evaluate(() => localStorage.getItem('test.beacons') ?? '[]');
      await reader.close();
      return (JSON.parse(sent) as string[]).map((body) => JSON.parse(body) as AnalyticsBeacon);
    };

    // Route 1, the calculator: a search, a category, a flavor, a container preset, a body weight.
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('html[data-rum="on"]');
    await page.getByLabel('Search flavors').fill('red bull');
    // GraphQL's enum value: `classic` → `CLASSIC`.
    await page
      .getByLabel('Category')
      .selectOption(flavor.category.toUpperCase().replaceAll('-', '_'));
    await page.getByTestId(`flavor-option-${flavor.id}`).click();
    await page.getByRole('button', { name: '355 ml' }).click();
    await page.getByLabel(/Body weight/).fill('70');
    await page.keyboard.press('Tab');

    // The affiliate click, recorded through trackEvent with its commission.
    const [shop] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('buy-link').click(),
    ]);
    await shop.close();
    await waitUntil(async () => (await sum('business.affiliateClicks')) === 1);

    // Routes 2 and 3 through the navigation, then the tab is hidden.
    await page.getByRole('link', { name: 'Performance' }).click();
    await page.getByRole('link', { name: 'Demo' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const hidden = (await sentBeacons()).at(-1)!;
    expect(hidden.pageViews).toEqual({ '/': 1, '/performance': 1, '/demo': 1 });
    expect(hidden.features).toEqual({
      'filter.search': 1,
      'filter.category': 1,
      'calculator.selectFlavor': 1,
      'preset.serving': 1,
      'calculator.bodyWeight': 1,
    });
    await waitUntil(async () => (await sum('visitor.pageViews', { route: '/demo' })) === 1);
    expect(await serverTotals(hidden)).toEqual({
      pageViews: hidden.pageViews,
      features: hidden.features,
    });
    expect(await sum('visitor.pageViews')).toBe(3);
    expect(await sum('feature.usage')).toBe(5);
    expect((await stats('visitor.sessionDuration')).count).toBe(0);

    // Leaving the page ends the session: one session of three pages, nothing counted twice.
    await page.goto('about:blank');
    await waitUntil(async () => (await stats('visitor.sessionDuration')).count === 1);
    const sent = await sentBeacons();
    const last = sent.at(-1)!;
    expect(sent.filter((beacon) => beacon.ended)).toEqual([last]);
    expect(last.ended).toBe(true);
    const duration = await stats('visitor.sessionDuration');
    expect(duration.sum).toBeCloseTo(last.durationMs / 1000, 3);
    expect(await stats('visitor.pagesPerSession')).toEqual({ count: 1, sum: 3 });
    expect(await serverTotals(last)).toEqual({
      pageViews: last.pageViews,
      features: last.features,
    });
    expect(await sum('visitor.pageViews')).toBe(3);

    // The click earned Red Bull's configured 10 % of one 250 ml can.
    const { commissionUsd } = affiliateCommission(
      flavor,
      testApp!.app.services.config.analytics.commissionRates,
    );
    expect(commissionUsd).toBeCloseTo(0.229, 6);
    expect(
      await sum('business.affiliateClicks', { flavor: flavor.id, supplier: flavor.supplierId }),
    ).toBe(1);
    expect(await sum('business.affiliateEarnings', { supplier: flavor.supplierId })).toBeCloseTo(
      commissionUsd,
      6,
    );

    // The figures on /performance are the same numbers.
    await context.addInitScript((key) => {
      localStorage.setItem('taurine.apiKey', key);
    }, ADMIN_API_KEY);
    const dashboard = await context.newPage();
    await dashboard.goto(`${baseUrl}/performance?window=LAST_1H`);
    const figure = (id: string) =>
      dashboard.getByTestId(`figure-${id}`).locator('.business-figure__value');
    await expect.poll(() => figure('page-views').textContent(), { timeout: 15_000 }).toBe('3');
    expect(await figure('pages-per-session').textContent()).toBe('3');
    expect(await figure('affiliate-clicks').textContent()).toBe('1');
    expect(await figure('affiliate-earnings').textContent()).toBe('$0.23');
    expect(await figure('cost-per-acquisition').textContent()).toBe('No data');
    const routeRows = dashboard.getByTestId('breakdown-route').locator('tbody tr');
    await expect
      .poll(() => routeRows.allTextContents(), { timeout: 15_000 })
      .toEqual(['/1', '/demo1', '/performance1']);
    await context.close();
  });
});
