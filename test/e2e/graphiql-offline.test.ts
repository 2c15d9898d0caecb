/**
 * Issue 10, item 4: GraphiQL works on a machine without internet. Chromium resolves no host name
 * but loopback and aborts every request elsewhere; GraphiQL still loads from the server and runs
 * its default query.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OFFLINE_CHROMIUM_ARGS,
  cutOffInternet,
  launchChromium,
  startTestApp,
} from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  testApp = await startTestApp({ CACHE_WARM_ON_START: 'false' });
  browser = await launchChromium(OFFLINE_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

/** An editor's text; Monaco renders spaces as no-break spaces. */
const textOf = async (locator: { innerText(): Promise<string> }) =>
  (await locator.innerText()).replace(/\u00a0/g, ' ');

describe('GraphiQL without internet', () => {
  it('loads from the server and runs the default query', { timeout: 60_000 }, async () => {
    // What the default query must show, asked of the API directly.
    const expected = (await (
      await fetch(`${testApp!.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ flavors(first: 5) { edges { node { name } } } }' }),
      })
    ).json()) as { data: { flavors: { edges: { node: { name: string } }[] } } };
    const firstFlavor = expected.data.flavors.edges[0]!.node.name;

    const context = await browser!.newContext({ locale: 'en-US' });
    try {
      const blocked = await cutOffInternet(context);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const response = await page.goto(`${testApp!.baseUrl}/graphql`);
      expect(response?.status()).toBe(200);

      const execute = page.getByRole('button', { name: /Execute query/ });
      await execute.waitFor({ state: 'visible', timeout: 30_000 });
      // The default query says how to send a key.
      await expect
        .poll(() => textOf(page.locator('.graphiql-query-editor')), { timeout: 15_000 })
        .toContain('{ "x-api-key": "tk_…" }');
      await execute.click();
      const result = page.locator('.graphiql-response');
      await expect.poll(() => textOf(result), { timeout: 20_000 }).toContain(firstFlavor);
      // Monaco renders only the visible lines: the top of the result is enough.
      expect(await textOf(result)).toMatch(/"data": \{\s*"flavors"/);

      expect(blocked).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves its files with long-lived caching and gzip', async () => {
    const html = await (
      await fetch(`${testApp!.baseUrl}/graphql`, { headers: { accept: 'text/html' } })
    ).text();
    expect(html).not.toMatch(/unpkg|jsdelivr|cdn\./);
    expect(html).not.toMatch(/<script>/); // no inline script: a `script-src 'self'` policy allows the page
    const script = /src="(\/graphiql\/graphiql\.[0-9a-f]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${testApp!.baseUrl}${script!}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.text()).length).toBeGreaterThan(1_000_000);
    const missing = await fetch(`${testApp!.baseUrl}/graphiql/nothing.js`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});
