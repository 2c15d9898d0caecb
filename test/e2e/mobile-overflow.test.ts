/**
 * Issue 13, item 5: on a phone (390 × 844) no page is wider than the screen, and the navigation
 * folds behind a "Menu" button. Pages owned by other features are checked too: the test holds
 * for the app as a whole.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'m'.repeat(43)}`;
const PHONE = { width: 390, height: 844 };

/** Each page and what shows that it has rendered its content (not only its loading state). */
const PAGES: readonly { path: string; ready: string }[] = [
  { path: '/', ready: '.flavor-option' },
  { path: '/demo', ready: 'h1' },
  { path: '/monitoring', ready: '[data-testid="chart-response-time"]' },
  { path: '/monitoring?kiosk', ready: '[data-testid="chart-response-time"]' },
  { path: '/performance', ready: '[data-testid="score-ring"]' },
  { path: '/alerts', ready: '[data-testid="no-alerts"], [data-testid="alert-list"]' },
  { path: '/no-such-page', ready: 'h1' },
];

let testApp: TestApp | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  testApp = await startTestApp({ ADMIN_API_KEY, COLLECT_INTERVAL_MS: '1000' });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  await context.addInitScript((key) => {
    if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', key);
  }, ADMIN_API_KEY);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

/**
 * The document's width against the screen's, and (to name them in a failure) elements reaching
 * past its right edge; those inside a sideways-scrolling box are counted too, so only a wider
 * document fails the test.
 */
const measureOverflow = (target: Page) =>
  target.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map(
        (element) => `${element.tagName.toLowerCase()}.${String(element.getAttribute('class'))}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
  });

describe('every page on a 390 px phone', () => {
  it.each(PAGES)('$path is no wider than the screen', async ({ path, ready }) => {
    await page.goto(`${testApp!.baseUrl}${path}`);
    await page.locator(ready).first().waitFor({ state: 'visible' });
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    const { scrollWidth, innerWidth, culprits } = await measureOverflow(page);
    expect(innerWidth).toBe(PHONE.width);
    expect(
      scrollWidth,
      `${path} reaches past the screen: ${culprits.join(', ')}`,
    ).toBeLessThanOrEqual(innerWidth);
  });

  it('folds the navigation behind a Menu button that opens it', async () => {
    await page.goto(`${testApp!.baseUrl}/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const monitoringLink = page.getByRole('navigation', { name: 'Main' }).getByText('Monitoring');
    await menu.waitFor({ state: 'visible' });
    expect(await monitoringLink.isVisible()).toBe(false);
    await menu.click();
    await monitoringLink.click();
    await page.waitForURL(/\/monitoring$/);
    // Navigating closes the menu again.
    await monitoringLink.waitFor({ state: 'hidden' });
    const { scrollWidth, innerWidth } = await measureOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
