import { describe, expect, it } from 'vitest';
import type { NewAuditEntry } from './audit-log-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;

function entry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    actorName: 'ci-bot',
    actorRole: 'operator',
    action: 'mutation:clearCache',
    arguments: { pattern: 'search:*' },
    result: 'ok',
    ...overrides,
  };
}

describe.each(storeHarnesses)('AuditLogRepository on $dialect', ({ create }) => {
  let store: Store;
  let clock: number;
  useMigratedStore(
    create,
    (opened) => {
      store = opened.store;
      clock = T0;
    },
    { now: () => clock },
  );

  it('appends entries and round-trips their JSON arguments and details exactly', async () => {
    const stored = await store.auditLog.append(
      entry({
        arguments: { rule: { name: 'p95 ünïcode', threshold: 2000.5 }, tags: ['a', null] },
        details: { affected: 12 },
      }),
    );
    expect(stored).toEqual({
      id: expect.any(Number) as number,
      at: T0,
      actorName: 'ci-bot',
      actorRole: 'operator',
      action: 'mutation:clearCache',
      arguments: { rule: { name: 'p95 ünïcode', threshold: 2000.5 }, tags: ['a', null] },
      result: 'ok',
      details: { affected: 12 },
    });
    expect(await store.auditLog.list({ limit: 10 })).toEqual([stored]);
  });

  it('lists newest first, pages with an id cursor and filters by action', async () => {
    const ids: number[] = [];
    for (let index = 0; index < 5; index++) {
      clock = T0 + index;
      const action = index % 2 === 0 ? 'mutation:clearCache' : 'mutation:updateRule';
      ids.push((await store.auditLog.append(entry({ action, result: `r${index}` }))).id);
    }
    const firstPage = await store.auditLog.list({ limit: 2 });
    expect(firstPage.map((e) => e.result)).toEqual(['r4', 'r3']);
    const secondPage = await store.auditLog.list({ limit: 2, before: firstPage[1]?.id });
    expect(secondPage.map((e) => e.result)).toEqual(['r2', 'r1']);
    const clears = await store.auditLog.list({ limit: 10, action: 'mutation:clearCache' });
    expect(clears.map((e) => e.result)).toEqual(['r4', 'r2', 'r0']);
    expect(
      (await store.auditLog.list({ limit: 10, action: 'mutation:updateRule', before: ids[3] })).map(
        (e) => e.result,
      ),
    ).toEqual(['r1']);
    expect(await store.auditLog.list({ limit: 0 })).toEqual([]);
  });

  it('rejects entries it cannot store, writing nothing', async () => {
    await expect(store.auditLog.append(entry({ action: '' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'action must be a non-empty string',
    });
    await expect(store.auditLog.append(entry({ arguments: { n: 1n } }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'arguments is not JSON-serialisable',
    });
    await expect(store.auditLog.append(entry({ at: 0.5 }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'at must be an integer epoch in ms, got 0.5',
    });
    await expect(store.auditLog.list({ limit: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'limit must be a non-negative integer, got -1',
    });
    expect(await store.auditLog.list({ limit: 10 })).toEqual([]);
  });
});
