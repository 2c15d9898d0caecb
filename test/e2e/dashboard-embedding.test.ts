/**
 * Issue 19, item 3: a public dashboard's panel embedded in a page on another origin. Two pages,
 * each served by its own local HTTP server (another port, so another origin), iframe the same
 * panel URL; the server runs with `EMBED_ORIGINS` naming only the first. Chromium without a key
 * shows the panel in the allowed page and refuses to render it in the other (the server's
 * `Content-Security-Policy: frame-ancestors`), although `PUBLIC_DASHBOARD` is off.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';
import { waitUntil } from '../testing/wait-until.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'e'.repeat(43)}`;

/** A page server on 127.0.0.1 and a free port whose only page iframes `frameUrl()`. */
async function startEmbeddingPage(
  frameUrl: () => string,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>Status page</title><h1>Our status</h1>
       <iframe id="embed" title="Taurine panel" src="${frameUrl()}" width="600" height="300"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

let panelUrl = '';
let allowed: { server: Server; origin: string } | undefined;
let refused: { server: Server; origin: string } | undefined;
let testApp: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  allowed = await startEmbeddingPage(() => panelUrl);
  refused = await startEmbeddingPage(() => panelUrl);
  testApp = await startTestApp({
    ADMIN_API_KEY,
    CACHE_WARM_ON_START: 'false',
    PUBLIC_DASHBOARD: 'false',
    EMBED_ORIGINS: allowed.origin,
  });
  const response = await fetch(`${testApp.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_API_KEY },
    body: JSON.stringify({
      query: `mutation($input: DashboardInput!) { createDashboard(input: $input) { ... on Dashboard { id } } }`,
      variables: {
        input: {
          visibility: 'PUBLIC',
          document: {
            title: 'Public status',
            panels: [
              {
                id: 'requests',
                kind: 'stat',
                title: 'Requests served',
                grid: { x: 0, y: 0, w: 6, h: 4 },
                queries: [{ metric: 'api.requests', stat: 'count', tags: [] }],
              },
            ],
          },
        },
      },
    }),
  });
  const created = (await response.json()) as { data: { createDashboard: { id: string } } };
  panelUrl = `${testApp.baseUrl}/dashboards/${created.data.createDashboard.id}?embed&panel=requests`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
  for (const page of [allowed, refused]) page?.server.close();
});

async function embeddedFrame(origin: string): Promise<{ page: Page; frame: Frame }> {
  const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(origin);
  const handle = await page.locator('#embed').elementHandle();
  const frame = await handle.contentFrame();
  return { page, frame: frame! };
}

describe('embedding a public panel', () => {
  it('sends the frame-ancestors policy with the allowed origin on the embed URL', async () => {
    const response = await fetch(panelUrl);
    expect(response.headers.get('content-security-policy')).toBe(
      `frame-ancestors 'self' ${allowed!.origin}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it(
    'shows the panel, without a key, in a page on an allowed origin',
    { timeout: 60_000 },
    async () => {
      const { page, frame } = await embeddedFrame(allowed!.origin);
      await frame
        .getByRole('region', { name: 'Requests served' })
        .getByTestId('stat-value')
        .waitFor();
      // The kiosk layout: no navigation inside the frame.
      expect(await frame.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await page.context().close();
    },
  );

  it('is refused by the browser in a page on another origin', { timeout: 60_000 }, async () => {
    const { page, frame } = await embeddedFrame(refused!.origin);
    await waitUntil(() => frame.url().startsWith('chrome-error:'));
    expect(await frame.getByText('Requests served').count()).toBe(0);
    await page.context().close();
  });
});
