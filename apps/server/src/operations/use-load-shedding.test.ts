import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from '../testing/graphql-request.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ PUBLIC_DASHBOARD: 'true' });
});
afterAll(() => app.dispose());

const anonymous = (query: string) => app.yoga.fetch(graphqlRequest(query));
const DASHBOARD = '{ snapshot { at } }';
const CALCULATOR = '{ flavors(first: 1) { totalCount } }';
const rum = (headers: Record<string, string> = {}) =>
  app.yoga.fetch('http://localhost/rum', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ route: '/', device: 'desktop', vitals: [] }),
  });

describe('useLoadShedding', () => {
  it('serves everything while not shedding', async () => {
    expect((await anonymous(DASHBOARD)).status).toBe(200);
    expect((await rum()).status).not.toBe(429);
  });

  it('answers 429 to anonymous non-essential traffic while shedding, and keeps calculator and keyed traffic', async () => {
    app.services.operations.shedder.shedUntil(Date.now() + 60_000);
    const refused = await anonymous(DASHBOARD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('LOAD_SHED');
    expect((await rum()).status).toBe(429);

    const calculator = await anonymous(CALCULATOR);
    expect(calculator.status).toBe(200);
    expect(((await calculator.json()) as { errors?: unknown }).errors).toBeUndefined();
    const keyed = await app.graphql<{ snapshot: unknown }>(DASHBOARD);
    expect(keyed.errors).toBeUndefined();
    expect((await rum({ 'x-api-key': app.adminKey })).status).not.toBe(429);
  });
});
