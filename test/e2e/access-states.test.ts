/**
 * Issue 13, items 3 and 7, in Chromium against the real server: without a key a dashboard is one
 * panel that explains what to do; a revoked key is named as refused with the server's reason;
 * an operator runs cache operations from the dashboard's panel and sees their reports; a viewer
 * is told those need an operator key.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestApp } from '../testing/e2e-harness.ts';
import type { TestApp } from '../testing/e2e-harness.ts';

const ADMIN_API_KEY = `tk_0a1b2c3d_${'a'.repeat(43)}`;

let testApp: TestApp | undefined;
let browser: Browser | undefined;
const keys: Record<'viewer' | 'operator' | 'revoked', string> = {
  viewer: '',
  operator: '',
  revoked: '',
};

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

const createKey = async (name: string, role: 'VIEWER' | 'OPERATOR') =>
  (
    await graphql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `
        mutation ($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            ... on CreatedApiKey {
              key
              apiKey {
                id
              }
            }
          }
        }
      `,
      { input: { name, role } },
    )
  ).createApiKey;

beforeAll(async () => {
  testApp = await startTestApp({ ADMIN_API_KEY, COLLECT_INTERVAL_MS: '1000' });
  keys.viewer = (await createKey('wall', 'VIEWER')).key;
  keys.operator = (await createKey('ops', 'OPERATOR')).key;
  const revoked = await createKey('gone', 'VIEWER');
  keys.revoked = revoked.key;
  await graphql(
    `
      mutation ($id: ID!) {
        revokeApiKey(id: $id) {
          __typename
        }
      }
    `,
    {
      id: revoked.apiKey.id,
    },
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

/** A fresh profile whose "API key" setting holds `key` (none for null). */
async function openAs(
  key: string | null,
  path: string,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser!.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  if (key !== null) {
    await context.addInitScript((value) => {
      if (location.protocol === 'http:') localStorage.setItem('taurine.apiKey', value);
    }, key);
  }
  const page = await context.newPage();
  await page.goto(`${testApp!.baseUrl}${path}`);
  return { page, context };
}

describe('access states', () => {
  it('without a key, each dashboard is one panel saying what is needed and how', async () => {
    const { page, context } = await openAs(null, '/monitoring');
    const panel = page.getByTestId('access-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-access')).toBe('needs-key');
    expect(await panel.textContent()).toContain('npm run keys -- create --role viewer');
    expect(await page.getByTestId('access-panel').count()).toBe(1);
    expect(await page.locator('.notice--error, .chart, .metric-card').count()).toBe(0);

    await page.getByRole('link', { name: 'Performance' }).click();
    await page
      .getByTestId('access-panel')
      .filter({ hasText: 'The performance overview needs an API key' })
      .waitFor();
    expect(await page.getByTestId('access-panel').count()).toBe(1);
    expect(await page.locator('.notice--error, [data-testid="score-ring"]').count()).toBe(0);
    await context.close();
  });

  it('with a revoked key, says the key was refused and why', async () => {
    const { page, context } = await openAs(keys.revoked, '/monitoring');
    const panel = page.getByTestId('access-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-access')).toBe('key-refused');
    expect(await page.getByTestId('access-reason').textContent()).toBe('invalid or revoked key');
    await context.close();
  });

  it('a key pasted into the panel opens the dashboard', async () => {
    const { page, context } = await openAs(null, '/monitoring');
    await page.getByLabel('Viewer key').fill(keys.viewer);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByTestId('chart-response-time').waitFor();
    expect(await page.getByTestId('access-panel').count()).toBe(0);
    await context.close();
  });
});

describe('cache operations from the dashboard', () => {
  it('an operator warms, clears by pattern, deletes a key and optimises memory', async () => {
    const { page, context } = await openAs(keys.operator, '/monitoring');
    const panel = page.getByTestId('cache-operations');
    const report = page.getByTestId('cache-report');
    await panel.waitFor();

    await panel.getByRole('button', { name: 'Warm' }).click();
    await report.filter({ hasText: /^Warmed \d+ keys?/ }).waitFor();

    await panel.getByLabel(/Clear by pattern/).fill('data:*');
    await panel.getByRole('button', { name: 'Clear…' }).click();
    await panel.getByRole('button', { name: 'Yes, clear' }).click();
    await report.filter({ hasText: /^Cleared data:\*: \d+ keys? from memory/ }).waitFor();

    await panel.getByLabel('Delete one key').fill('data:nothing-here');
    await panel.getByRole('button', { name: 'Delete…' }).click();
    await panel.getByRole('button', { name: 'Yes, delete' }).click();
    await report.filter({ hasText: 'data:nothing-here was not in the cache.' }).waitFor();

    await panel.getByRole('button', { name: 'Optimise memory' }).click();
    await report.filter({ hasText: /^Heap .* MB → .* MB/ }).waitFor();
    await context.close();
  });

  it('a viewer sees the operations switched off with the reason before trying them', async () => {
    const { page, context } = await openAs(keys.viewer, '/monitoring');
    const panel = page.getByTestId('cache-operations');
    const gated = page.getByTestId('cache-operations-gated');
    await gated.filter({ hasText: 'needs operator' }).waitFor();
    expect(await gated.textContent()).toContain('viewer “wall”');
    for (const name of ['Warm', 'Optimise memory']) {
      expect(await panel.getByRole('button', { name }).isDisabled()).toBe(true);
    }
    await context.close();
  });
});
