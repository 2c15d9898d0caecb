import { describe, expect, it } from 'vitest';
import type { NewDashboard } from './dashboard-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;

function newDashboard(overrides: Partial<NewDashboard> = {}): NewDashboard {
  return {
    id: 'd1',
    title: 'API',
    document: '{"panels":[]}',
    visibility: 'private',
    role: null,
    ownerKeyId: 7,
    ownerName: 'ana',
    at: T0,
    ...overrides,
  };
}

describe.each(storeHarnesses)('DashboardRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('creates version 1, saves version 2 on top of it and keeps both', async () => {
    const created = await store.dashboards.create(newDashboard());
    expect(created).toMatchObject({ id: 'd1', version: 1, ownerKeyId: 7, builtIn: false });
    const saved = await store.dashboards.update('d1', {
      title: 'API v2',
      document: '{"panels":[1]}',
      visibility: 'role',
      role: 'operator',
      expectedVersion: 1,
      at: T0 + 1000,
      savedBy: 'bo',
    });
    expect(saved).toMatchObject({
      kind: 'updated',
      dashboard: { title: 'API v2', version: 2, role: 'operator', updatedAt: T0 + 1000 },
    });
    const versions = await store.dashboards.versions('d1');
    expect(versions.map((v) => [v.version, v.title, v.savedBy])).toEqual([
      [2, 'API v2', 'bo'],
      [1, 'API', 'ana'],
    ]);
    expect((await store.dashboards.version('d1', 1))?.document).toBe('{"panels":[]}');
  });

  it('refuses a save on a stale version and leaves the stored one untouched', async () => {
    await store.dashboards.create(newDashboard());
    const change = {
      title: 'first',
      document: '{}',
      visibility: 'public' as const,
      role: null,
      expectedVersion: 1,
      at: T0 + 1,
      savedBy: 'ana',
    };
    expect((await store.dashboards.update('d1', change)).kind).toBe('updated');
    const stale = await store.dashboards.update('d1', { ...change, title: 'second' });
    expect(stale).toMatchObject({ kind: 'stale', current: { title: 'first', version: 2 } });
    expect(await store.dashboards.versions('d1')).toHaveLength(2);
    expect((await store.dashboards.update('nope', change)).kind).toBe('not-found');
  });

  it('lists provisioned dashboards first, deletes a dashboard with its versions', async () => {
    await store.dashboards.create(newDashboard({ id: 'b', title: 'B' }));
    await store.dashboards.create(newDashboard({ id: 'a', title: 'A' }));
    await store.dashboards.create(
      newDashboard({ id: 'm', title: 'Z built in', builtIn: true, ownerKeyId: null }),
    );
    expect((await store.dashboards.list()).map((d) => d.id)).toEqual(['m', 'a', 'b']);
    expect(await store.dashboards.delete('a')).toBe(true);
    expect(await store.dashboards.delete('a')).toBe(false);
    expect(await store.dashboards.get('a')).toBeUndefined();
    expect(await store.dashboards.versions('a')).toEqual([]);
  });

  it('refuses a role without role visibility', async () => {
    await expect(store.dashboards.create(newDashboard({ role: 'viewer' }))).rejects.toThrow(
      /role is given exactly when visibility is role/,
    );
  });
});
