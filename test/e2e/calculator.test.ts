import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate, findFlavors, flavorById } from '@taurine/calculator';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const RATING_WORDS = {
  safe: 'Within guidance',
  caution: 'Caution',
  'over-limit': 'Over the limit',
};

let testApp: TestApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** The numbers as the calculator prints them: at most one decimal, cents, whole kcal. */
const mg = (value: number) => `${value} mg`;
const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

beforeAll(async () => {
  testApp = await startTestApp();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US' });
  // Nothing leaves the machine: every request to another origin (the affiliate shop) gets a stub.
  const origin = new URL(testApp.baseUrl).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Shop stub</title>' }),
  );
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

describe('calculator in Chromium against the real server', () => {
  it('calculates a drink exactly as @taurine/calculator does and records the buy click', async () => {
    const { app, baseUrl } = testApp!;
    const input = {
      flavorId: 'red-bull-original',
      servingMl: 355,
      addIns: [{ ingredientId: 'caffeine-anhydrous', amount: 50 }],
      bodyWeightKg: 70,
    };
    const outcome = calculate(input);
    if (!outcome.ok) throw new Error(`fixture drink is invalid: ${JSON.stringify(outcome.errors)}`);
    const expected = outcome.result;
    const flavor = flavorById(input.flavorId)!;

    // The SPA sends its queries as persisted documents: a hash in a short GET, no query text.
    const graphqlGets: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname === '/graphql') graphqlGets.push(url);
    });
    await page.goto(`${baseUrl}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Energy drink calculator',
    );

    await page.getByLabel('Search flavors').fill('red bull');
    await page.getByTestId(`flavor-option-${flavor.id}`).click();
    await page.getByRole('button', { name: '355 ml' }).click();
    await page.getByRole('button', { name: 'Add ingredient' }).click();
    await page.getByLabel('Add-in 1: ingredient').selectOption('caffeine-anhydrous');
    await page.getByLabel('Add-in 1: amount (mg)').fill('50');
    await page.getByLabel(/Body weight/).fill('70');

    const caffeine = page.getByTestId('result-caffeine');
    await expect
      .poll(() => caffeine.textContent(), { timeout: 10_000 })
      .toBe(mg(expected.caffeineMg));
    const text = (testId: string) => page.getByTestId(testId).textContent();
    expect(await text('result-caffeine-per-100ml')).toBe(mg(expected.caffeinePer100ml));
    expect(await text('result-sugar')).toBe(`${expected.sugarG} g`);
    expect(await text('result-kcal')).toBe(`${expected.kcal} kcal`);
    expect(await text('result-cost')).toBe(`$${expected.costUsd.toFixed(2)}`);
    expect(await text('result-daily-share')).toBe(percent(expected.dailyLimitShare));
    expect(await text('result-limit-cap')).toBe(mg(expected.caffeineLimit.capMg));
    expect(await text('result-limit-explanation')).toBe(expected.caffeineLimit.explanation);
    expect(await text('result-rating')).toBe(RATING_WORDS[expected.rating]);
    const breakdownRows = page.getByTestId('result-breakdown').locator('tbody tr');
    expect(await breakdownRows.count()).toBe(expected.breakdown.length);
    for (const warning of expected.warnings) {
      expect(await page.getByTestId('result-warnings').textContent()).toContain(warning);
    }

    // The settled drink is recorded once as a calculation, under this browser's visitor id.
    const sessionId = await page.evaluate(() => localStorage.getItem('taurine.sessionId'));
    expect(sessionId).toMatch(/^[a-f0-9]{32}$/);
    await expect
      .poll(
        async () =>
          (await app.services.store.events.recent(20)).filter(
            (event) => event.type === 'calculation',
          ).length,
        { timeout: 10_000, interval: 250 },
      )
      .toBeGreaterThan(0);

    // The buy link opens the shop in a new tab; the click is stored.
    const buy = page.getByTestId('buy-link');
    expect(await buy.getAttribute('rel')).toBe('noopener sponsored');
    const [shop] = await Promise.all([context.waitForEvent('page'), buy.click()]);
    await shop.waitForLoadState();
    expect(shop.url()).toBe(flavor.affiliateUrl);
    await shop.close();

    await expect
      .poll(
        async () =>
          (await app.services.store.events.recent(10)).find(
            (event) => event.type === 'affiliate_click',
          ),
        { timeout: 10_000, interval: 100 },
      )
      .toMatchObject({ type: 'affiliate_click', flavorId: flavor.id, sessionId });
    const events = await app.services.store.events.recent(50);
    expect(events.every((event) => event.flavorId === flavor.id)).toBe(true);
    expect(events.every((event) => event.sessionId === sessionId)).toBe(true);

    const calculations = graphqlGets.filter(
      (url) => url.searchParams.get('operationName') === 'CalculateDrink',
    );
    expect(calculations.length).toBeGreaterThan(0);
    for (const url of calculations) {
      expect(url.searchParams.get('query')).toBeNull();
      expect(url.searchParams.get('extensions')).toMatch(/"sha256Hash":"[0-9a-f]{64}"/);
    }
  });

  it('starts a shot from its own bottle, rates it against the stated cap, and keeps the result one tap away at 390 px', async () => {
    const phone = await browser!.newContext({
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
    });
    const mobile = await phone.newPage();
    try {
      await mobile.goto(`${testApp!.baseUrl}/`);
      const overflow = () =>
        mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await mobile.getByLabel('Search flavors').fill('5-hour');
      const text = (testId: string) => mobile.getByTestId(testId).textContent();
      for (const [id, caffeine, rating, verdict] of [
        ['five-hour-energy-extra-strength', '230 mg', 'Over the limit', 'over it'],
        ['five-hour-energy-original', '200 mg', 'Caution', 'within it'],
      ] as const) {
        const { defaultServingMl } = flavorById(id)!;
        await mobile.getByTestId(`flavor-option-${id}`).click();
        expect(defaultServingMl).toBe(57);
        expect(await mobile.getByLabel('Serving size (ml)').inputValue()).toBe('57');
        await expect.poll(() => text('result-caffeine'), { timeout: 10_000 }).toBe(caffeine);
        expect(await text('result-rating')).toBe(rating);
        expect(await text('result-limit-cap')).toBe('200 mg');
        expect(await text('result-limit')).toContain(`this serving is ${verdict}`);
        expect(await text('result-limit')).toContain('EFSA (2015)');
      }
      expect(await overflow()).toBeLessThanOrEqual(0);

      // From the top of the page the verdict and one link to the result are on screen.
      await mobile.evaluate(() => {
        window.scrollTo(0, 0);
      });
      const jump = mobile.getByTestId('result-jump');
      expect(await jump.textContent()).toContain('200 mg · Caution');
      const inViewport = async (testId: string) => {
        const box = (await mobile.getByTestId(testId).boundingBox())!;
        return box.y >= 0 && box.y + box.height <= 844;
      };
      expect(await inViewport('result-jump')).toBe(true);
      expect(await inViewport('result-caffeine')).toBe(false);
      await jump.getByRole('link', { name: 'See your drink ↓' }).click();
      await expect.poll(() => inViewport('result-caffeine')).toBe(true);
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });

  it('shows the server’s field errors beside the inputs', async () => {
    await page.goto(`${testApp!.baseUrl}/`);
    await page.getByLabel('Search flavors').fill('red bull');
    await page.getByTestId('flavor-option-red-bull-original').click();
    const serving = page.getByLabel('Serving size (ml)');
    await serving.fill('5000');
    await expect.poll(() => serving.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const errorId = (await serving.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain(
      'The serving size must be between 1 ml and 2,000 ml.',
    );
  });

  it('pages through the catalogue with "Load more" and filters it by category', async () => {
    await page.goto(`${testApp!.baseUrl}/`);
    const total = findFlavors({}).length;
    const list = page.getByTestId('flavor-list');
    await expect
      .poll(() => list.getByRole('status').textContent())
      .toBe(`Showing 12 of ${total} flavors`);
    expect(await list.getByRole('radio').count()).toBe(12);

    await page.getByRole('button', { name: 'Load more flavors' }).click();
    await expect.poll(() => list.getByRole('radio').count()).toBe(Math.min(24, total));
    // Focus moves to the first new flavor rather than being lost with the button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');

    await page.getByLabel('Category').selectOption('COFFEE');
    const coffee = findFlavors({ category: 'coffee' });
    await expect.poll(() => list.getByRole('radio').count()).toBe(Math.min(12, coffee.length));
    for (const flavor of coffee.slice(0, 12)) {
      expect(await page.getByTestId(`flavor-option-${flavor.id}`).count()).toBe(1);
    }
  });

  it('renders every page of the navigation, loading each lazily', async () => {
    const { baseUrl } = testApp!;
    const heading = page.getByRole('heading', { level: 1 });
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => heading.textContent()).toBe('Energy drink calculator');

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, title] of [
      ['Monitoring', 'Monitoring'],
      ['Alerts', 'Alerts'],
      ['Performance', 'Performance'],
      ['Demo', 'Performance demo'],
      ['Calculator', 'Energy drink calculator'],
    ] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expect.poll(() => heading.textContent()).toBe(title);
      expect(await nav.getByRole('link', { name: link }).getAttribute('aria-current')).toBe('page');
      expect(await page.title()).toBe(`${title} · Taurine`);
    }

    // Deep links are served index.html and routed in the browser.
    await page.goto(`${baseUrl}/monitoring`);
    await expect.poll(() => heading.textContent()).toBe('Monitoring');
    // Without an API key the server refuses the dashboard, and the page says once that a key is
    // needed and how to get one, instead of showing zeros.
    await expect
      .poll(() => page.getByTestId('access-panel').getAttribute('data-access'), { timeout: 10_000 })
      .toBe('needs-key');

    await page.goto(`${baseUrl}/no-such-page`);
    await expect.poll(() => heading.textContent()).toBe('Page not found');

    expect(pageErrors).toEqual([]);
  });

  it('serves hashed assets as immutable for a year and the page itself as revalidated', async () => {
    const { baseUrl } = testApp!;
    const index = await fetch(`${baseUrl}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${baseUrl}${script!}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
  });
});
