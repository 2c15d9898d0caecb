import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ CACHE_WARM_ON_START: 'false' });
});
afterAll(() => app.dispose());

const VIEWER = '{ viewer { name role permissions } }';

describe('viewer', () => {
  it('describes the caller’s key: name, role and what it may do', async () => {
    const key = await app.createKey('operator', 'night-shift');
    const result = await app.graphql<{
      viewer: { name: string; role: string; permissions: string[] };
    }>(VIEWER, undefined, { 'x-api-key': key });
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer).toMatchObject({ name: 'night-shift', role: 'OPERATOR' });
    expect(result.data?.viewer.permissions).toContain('alerts:respond');
    expect(result.data?.viewer.permissions).not.toContain('channels:manage');
  });

  it('is null without a key and with a rejected one, and never an error', async () => {
    expect(await app.graphql(VIEWER, undefined, { 'x-api-key': '' })).toEqual({
      data: { viewer: null },
    });
    const wrong = await app.graphql(VIEWER, undefined, {
      'x-api-key': `tk_00000000_${'x'.repeat(43)}`,
    });
    expect(wrong.data).toEqual({ viewer: null });
  });
});
