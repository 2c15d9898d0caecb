/**
 * Issue 17: the /reports page in Chromium shows a stored report's figures with comparison arrows,
 * its charts and download buttons, and the admin's schedule editor.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'r'.repeat(43)}`;

let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  testApp = await startTestApp({ ADMIN_API_KEY, CACHE_WARM_ON_START: 'false' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function graphql<T>(query: string): Promise<T> {
  const response = await fetch(`${testApp!.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_API_KEY },
    body: JSON.stringify({ query }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('the reports page in Chromium', () => {
  it(
    'shows a stored report with its figures, charts and downloads',
    { timeout: 60_000 },
    async () => {
      // Some traffic first: a request is counted once it has been answered.
      await graphql('{ __typename }');
      await graphql('{ __typename }');
      const { generateReport } = await graphql<{
        generateReport: {
          id: string;
          headline: string;
          figures: { key: string; value: number | null }[];
        };
      }>(`
        mutation {
          generateReport(period: DAY) {
            ... on Report {
              id
              headline
              figures {
                key
                value
              }
            }
          }
        }
      `);
      const requests = generateReport.figures.find((figure) => figure.key === 'requests')!.value!;
      expect(requests).toBeGreaterThan(0);

      const context = await browser!.newContext();
      await context.addInitScript((key) => {
        if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', key);
      }, ADMIN_API_KEY);
      const page = await context.newPage();
      await page.goto(`${testApp!.baseUrl}/reports?report=${generateReport.id}`);
      const report = page.getByRole('article', { name: /Report \d{4}-\d{2}-\d{2}/ });
      await report.getByText(generateReport.headline).waitFor();
      const row = report.locator('tr[data-figure="requests"]');
      await expect(row.locator('td').nth(1).textContent()).resolves.toBe(
        requests.toLocaleString('en-US'),
      );
      await report.getByRole('img', { name: /Requests per hour/ }).waitFor();
      await report.getByRole('button', { name: 'Download PDF' }).waitFor();
      // The history lists it, and the admin sees the schedule editor.
      await page
        .getByRole('button', { name: /\d{4}-\d{2}-\d{2} \(day\)/ })
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'Schedules' }).waitFor();
      // The nav leads here.
      await page.getByRole('link', { name: 'Reports' }).first().waitFor();

      const download = page.waitForEvent('download');
      await report.getByRole('button', { name: 'Download PDF' }).click();
      expect((await download).suggestedFilename()).toMatch(/^taurine-report-day-.*\.pdf$/);
      await context.close();
    },
  );
});
