import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const ADMIN_API_KEY = `tk_0e1f2a3b_${'v'.repeat(43)}`;
let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  testApp = await startTestApp({ ADMIN_API_KEY });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

/** web-vitals' thresholds: good up to the first, poor above the second. */
const THRESHOLDS = { LCP: [2500, 4000], INP: [200, 500] } as const;

/** The rating of the exact p75 (the report of rank ⌊0.75·(n − 1)⌋ in ascending order). */
function exactP75Rating(name: keyof typeof THRESHOLDS, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const p75 = sorted[Math.floor(0.75 * (sorted.length - 1))]!;
  const [good, poor] = THRESHOLDS[name];
  return p75 <= good ? 'Good' : p75 <= poor ? 'Needs improvement' : 'Poor';
}

describe('Web Vitals ratings on the performance page', () => {
  it('rates a p75 that sits exactly on a threshold by the exact reports, not the sketched value', async () => {
    // Tablet reports only, so nothing the page itself reports is mixed in.
    const reports = { LCP: [1000, 2000, 2500, 3000], INP: [100, 500, 500, 600] };
    const response = await fetch(`${testApp!.baseUrl}/rum`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({
        route: '/',
        device: 'tablet',
        vitals: Object.entries(reports).flatMap(([name, values]) =>
          values.map((value, index) => ({ name, value, id: `${name}-${index}` })),
        ),
      }),
    });
    expect(response.status).toBe(204);

    const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    await context.addInitScript((key) => {
      if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', key);
    }, ADMIN_API_KEY);
    const page = await context.newPage();
    await page.goto(`${testApp!.baseUrl}/performance?window=LAST_1H&device=tablet`);
    for (const name of ['LCP', 'INP'] as const) {
      const rating = page.getByTestId(`vital-${name}-rating`);
      await expect.poll(() => rating.textContent(), { timeout: 15_000 }).toMatch(/· 4 reports$/);
      expect((await rating.textContent())!.split(' · ')[0]).toBe(
        exactP75Rating(name, reports[name]),
      );
    }
    // The shown LCP p75 is the sketch's (within 1 % of 2,500 ms) and still rated good.
    const text = (await page.getByTestId('vital-LCP-value').textContent())!;
    const shown = Number(/^([\d,]+) ms/.exec(text)![1]!.replace(/,/g, ''));
    expect(Math.abs(shown - 2500) / 2500).toBeLessThanOrEqual(0.01);
    expect(await page.getByTestId('vital-LCP-value').getAttribute('class')).toContain(
      'rating--good',
    );
    await context.close();
  });
});
