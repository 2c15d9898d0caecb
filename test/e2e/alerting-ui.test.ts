/**
 * Issue 13, item 1: alerting without GraphQL. Chromium drives /alerts against the real server: a
 * webhook channel (a real HTTP receiver) and a rule are created in the UI, the rule fires and the
 * receiver gets it; a silence made in the UI holds the next firing back (the channel's log has no
 * new notification while the alert shows "silenced"); expiring the silence in the UI lets the
 * firing through. Then a viewer key sees the controls disabled with the reason.
 */
import { startHttpReceiver } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';
import { waitUntil } from '../testing/wait-until.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'u'.repeat(43)}`;
const RULE = 'UI test: API p95 above 0 ms';
const CHANNEL = 'ui-hook';

interface WebhookBody {
  event: string;
  data: { alertName: string };
}

let receiver: HttpReceiver | undefined;
let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  receiver = await startHttpReceiver();
  testApp = await startTestApp({ ADMIN_API_KEY, CACHE_WARM_ON_START: 'false' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
  await receiver?.close();
});

async function graphql<T>(
  query: string,
  variables?: Record<string, unknown>,
  key = ADMIN_API_KEY,
): Promise<T> {
  const response = await fetch(`${testApp!.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** Firing notifications of the rule the receiver got. */
const firings = () =>
  receiver!
    .bodies<WebhookBody>()
    .filter((body) => body.event === 'alert.firing' && body.data.alertName === RULE).length;

/** What the channel's notification log (the outbox, written with each transition) holds. */
async function channelLog(): Promise<{ kind: string; alertName: string }[]> {
  const data = await graphql<{ notificationLog: { kind: string; alertName: string }[] }>(
    'query ($c: String!) { notificationLog(channel: $c, first: 50) { kind alertName } }',
    { c: CHANNEL },
  );
  return data.notificationLog.filter((entry) => entry.alertName === RULE);
}

/** Requests (so the p95 has samples) and one collection tick: rules are evaluated. */
async function tick(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await graphql('{ flavors(first: 2) { totalCount } }');
  await testApp!.app.services.collector.tick();
}

async function openAlerts(key: string): Promise<Page> {
  const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  await context.addInitScript((apiKey) => {
    if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', apiKey);
  }, key);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${testApp!.baseUrl}/alerts`);
  await page
    .getByTestId('viewer-role')
    .getByText(/is (admin|viewer)/)
    .waitFor();
  return page;
}

/** How far the page is wider than the window (0 or less: no horizontal scroll). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('alerting from the browser', () => {
  it(
    'channel → rule → fires → silence holds it back → expire → delivered',
    { timeout: 90_000 },
    async () => {
      const page = await openAlerts(ADMIN_API_KEY);

      await page.getByRole('button', { name: 'New channel' }).click();
      const channelForm = page.getByRole('form', { name: 'New channel' });
      await channelForm.getByLabel('Name').fill(CHANNEL);
      await channelForm.getByLabel('URL', { exact: true }).fill(receiver!.url);
      await channelForm.getByRole('button', { name: 'Create channel' }).click();
      const channelRow = page.getByTestId(`channel-${CHANNEL}`);
      await channelRow.waitFor();
      // The URL is a secret: shown as set, never displayed back.
      expect(await channelRow.textContent()).toContain('url: set');
      expect(await channelRow.textContent()).not.toContain('127.0.0.1');

      await page.getByRole('button', { name: 'New rule' }).click();
      const ruleForm = page.getByRole('form', { name: 'New rule' });
      await ruleForm.getByLabel('Name').fill(RULE);
      await ruleForm.getByLabel('Metric').fill('api.responseTime');
      await ruleForm.getByLabel('Threshold').fill('0');
      // The live preview reads the metric now: the SPA's own requests are over 0 ms.
      await expect
        .poll(() => ruleForm.getByTestId('rule-preview').getAttribute('data-fires'), {
          timeout: 15_000,
        })
        .toBe('yes');
      await ruleForm.getByRole('button', { name: 'Create rule' }).click();
      await page.getByTestId('alert-rules').getByText(RULE).waitFor();

      await tick();
      // Other rules (insight's budget rules) may notify the new channel too: wait for this one's.
      await waitUntil(() => firings() >= 1);
      expect(firings()).toBe(1);

      await page.getByRole('button', { name: 'New silence' }).click();
      const silenceForm = page.getByRole('form', { name: 'New silence' });
      await silenceForm.getByLabel('Matcher 1 value').fill(RULE);
      await silenceForm.getByLabel('Comment').fill('UI test maintenance');
      await silenceForm.getByRole('button', { name: 'Create silence' }).click();
      const silence = page.getByTestId('silence').filter({ hasText: RULE });
      await expect.poll(() => silence.getAttribute('data-state')).toBe('active');

      // Resolve by hand from the UI; the condition still holds, so the next tick fires again.
      const row = page.getByTestId('alert-list').locator('tr', { hasText: RULE });
      await row.getByRole('button', { name: 'Resolve' }).click();
      await row.getByLabel('Comment (optional)').fill('new episode');
      await row.getByRole('button', { name: 'Confirm resolve' }).click();
      await expect.poll(() => row.first().getAttribute('data-silenced')).toBe('true');
      const logBefore = (await channelLog()).length;
      await tick();
      // The new episode fires (its row says so) under the silence: nothing new in the outbox.
      await expect
        .poll(
          async () => {
            const rows = page.getByTestId('alert-list').locator('tr[data-silenced="true"]', {
              hasText: RULE,
            });
            return rows.filter({ hasText: 'firing' }).count();
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      expect(await channelLog()).toHaveLength(logBefore);
      expect(firings()).toBe(1);

      await silence.getByRole('button', { name: 'Expire now' }).click();
      await page.getByTestId('silence').filter({ hasText: RULE }).waitFor({ state: 'detached' });
      await tick();
      await waitUntil(() => firings() >= 2);
      expect(firings()).toBe(2);

      // A phone: the alert table, rules, silences and channels reflow; nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'New rule' }).click();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.context().close();
    },
  );

  it('shows a viewer key its controls disabled with the reason', { timeout: 30_000 }, async () => {
    const created = await graphql<{ createApiKey: { key: string } }>(
      'mutation { createApiKey(input: { name: "wall", role: VIEWER }) { ... on CreatedApiKey { key } } }',
    );
    const page = await openAlerts(created.createApiKey.key);
    const newRule = page.getByRole('button', { name: 'New rule' });
    expect(await newRule.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'New silence' }).isDisabled()).toBe(true);
    expect(await page.getByText('needs admin').count()).toBeGreaterThan(0);
    const resolve = page.getByRole('button', { name: 'Resolve' }).first();
    await resolve.waitFor();
    expect(await resolve.isDisabled()).toBe(true);
    expect(await page.getByText('needs operator').count()).toBeGreaterThan(0);
    expect(await page.getByText(/Channels are shown to operator and admin keys/).count()).toBe(1);
    await page.context().close();
  });
});
