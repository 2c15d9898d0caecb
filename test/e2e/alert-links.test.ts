/**
 * Issue 10, item 3: the link in a notification opens the alert. A real webhook receiver gets the
 * notification from the real app (no `PUBLIC_URL`: links follow the address the server binds),
 * and Chromium opens the link from that payload.
 */
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breachRule } from '../testing/breach-rule.ts';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'l'.repeat(43)}`;

interface WebhookBody {
  event: string;
  data: { fingerprint: string; alertName: string; dashboardUrl: string };
}

let receiver: HttpReceiver | undefined;
let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  receiver = await startHttpReceiver();
  testApp = await startTestApp({
    ADMIN_API_KEY,
    ALERT_WEBHOOK_URL: receiver.url,
    CACHE_WARM_ON_START: 'false',
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
  await receiver?.close();
});

async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${testApp!.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_API_KEY },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('a notification link in Chromium', () => {
  it('opens the alert it is about on the alerts page', { timeout: 60_000 }, async () => {
    // A rule every real request breaks: p95 response time above 0 ms, firing at once.
    await graphql(
      `
        mutation ($input: AlertRuleInput!) {
          createAlertRule(input: $input) {
            __typename
          }
        }
      `,
      {
        input: breachRule('e2e.link-p95', { name: 'Link test: API p95 above 0 ms' }),
      },
    );
    for (let i = 0; i < 3; i += 1) await graphql('{ flavors(first: 2) { totalCount } }');
    await testApp!.app.services.collector.tick();
    await receiver!.waitFor(1, 10_000);
    const firing = receiver!
      .bodies<WebhookBody>()
      .find((body) => body.event === 'alert.firing' && body.data.alertName.startsWith('Link test'));
    expect(firing).toBeDefined();
    const link = firing!.data.dashboardUrl;
    expect(link).toBe(
      `${testApp!.baseUrl}/alerts?alert=${encodeURIComponent(firing!.data.fingerprint)}`,
    );

    const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    try {
      // What the "API key" setting stores: the alerts page needs a viewer key.
      await context.addInitScript((key) => {
        if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', key);
      }, ADMIN_API_KEY);
      const page = await context.newPage();
      // A short window: the detail sits below the fold unless the page scrolls to it.
      await page.setViewportSize({ width: 1000, height: 300 });
      await page.goto(link);

      const detail = page.getByTestId('alert-detail');
      await detail.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await page.getByText('Page not found').count()).toBe(0);
      expect(await detail.getAttribute('data-alert-id')).toBe(firing!.data.fingerprint);
      expect(await detail.getByRole('heading', { level: 2 }).textContent()).toContain(
        'Link test: API p95 above 0 ms',
      );
      await expect
        .poll(() => detail.evaluate((element) => element === document.activeElement))
        .toBe(true);
      // Scrolled to: its top is inside the 300 px window.
      const top = () => detail.evaluate((element) => element.getBoundingClientRect().top);
      await expect.poll(top).toBeLessThan(300);
      expect(await top()).toBeGreaterThanOrEqual(-1);
      // Its row in the list is marked as the one open.
      const row = page.getByTestId(`alert-${firing!.data.fingerprint}`);
      await expect.poll(() => row.getAttribute('aria-current'), { timeout: 15_000 }).toBe('true');
    } finally {
      await context.close();
    }
  });
});
