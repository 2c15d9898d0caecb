import { describe, expect, it } from 'vitest';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

// 2026-01-01T00:00:00Z: past 2^32, so epoch columns must really be 64-bit.
const T0 = 1_767_225_600_000;

describe.each(storeHarnesses)('CalculatorEventRepository on $dialect', ({ create }) => {
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

  it('records events with increasing numeric ids and returns them newest first', async () => {
    const first = await store.events.record({
      type: 'calculation',
      flavorId: 'citrus',
      sessionId: 's-1',
      payload: { caffeineMg: 160, cans: [1, 2], note: 'ünïcode' },
      createdAt: T0,
    });
    const second = await store.events.record({ type: 'affiliate_click', flavorId: 'berry' });
    clock = T0 + 5;
    const third = await store.events.record({ type: 'calculation', flavorId: 'mint', payload: 0 });
    expect(typeof first.id).toBe('number');
    expect(second.id).toBeGreaterThan(first.id);
    expect(third.id).toBeGreaterThan(second.id);

    expect(await store.events.recent(10)).toEqual([
      {
        id: third.id,
        type: 'calculation',
        flavorId: 'mint',
        sessionId: null,
        payload: 0,
        createdAt: T0 + 5,
      },
      // Same createdAt as the first: the later id comes first.
      {
        id: second.id,
        type: 'affiliate_click',
        flavorId: 'berry',
        sessionId: null,
        payload: null,
        createdAt: T0,
      },
      {
        id: first.id,
        type: 'calculation',
        flavorId: 'citrus',
        sessionId: 's-1',
        payload: { caffeineMg: 160, cans: [1, 2], note: 'ünïcode' },
        createdAt: T0,
      },
    ]);
    expect((await store.events.recent(1)).map((event) => event.id)).toEqual([third.id]);
    expect(await store.events.recent(0)).toEqual([]);
  });

  it('counts events of one type at or after a time, as numbers', async () => {
    await store.events.record({ type: 'calculation', flavorId: 'a', createdAt: T0 - 1 });
    await store.events.record({ type: 'calculation', flavorId: 'a', createdAt: T0 });
    await store.events.record({ type: 'calculation', flavorId: 'b', createdAt: T0 + 60_000 });
    await store.events.record({ type: 'affiliate_click', flavorId: 'a', createdAt: T0 + 1 });

    expect(await store.events.count('calculation', T0)).toBe(2);
    expect(await store.events.count('calculation', 0)).toBe(3);
    expect(await store.events.count('affiliate_click', T0)).toBe(1);
    expect(await store.events.count('affiliate_click', T0 + 2)).toBe(0);
    // A fractional bound behaves like the exact instant it denotes.
    expect(await store.events.count('calculation', T0 - 0.5)).toBe(2);
  });

  it('counts distinct non-null sessions across event types', async () => {
    const sessions = ['s-1', 's-1', 's-2', undefined];
    for (const sessionId of sessions) {
      await store.events.record({ type: 'calculation', flavorId: 'a', sessionId, createdAt: T0 });
    }
    await store.events.record({ type: 'affiliate_click', flavorId: 'a', sessionId: 's-3' });
    await store.events.record({
      type: 'calculation',
      flavorId: 'a',
      sessionId: 's-4',
      createdAt: 1,
    });

    const count = await store.events.distinctSessions(T0);
    expect(count).toBe(3);
    expect(typeof count).toBe('number');
    expect(await store.events.distinctSessions(T0 + 1)).toBe(0);
  });

  it('rejects values it cannot store, writing nothing', async () => {
    await expect(
      store.events.record({ type: 'calculation', flavorId: 'a', createdAt: 1.5 }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'createdAt must be an integer epoch in ms, got 1.5',
    });
    await expect(
      store.events.record({ type: 'purchase' as 'calculation', flavorId: 'a' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'Unknown calculator event type "purchase": expected calculation or affiliate_click',
    });
    await expect(
      store.events.record({ type: 'calculation', flavorId: 'a', payload: { n: 1n } }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'payload is not JSON-serialisable',
    });
    await expect(store.events.recent(-1)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'limit must be a non-negative integer, got -1',
    });
    await expect(store.events.count('calculation', Number.NaN)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'since must be a finite epoch in ms, got NaN',
    });
    expect(await store.events.recent(10)).toEqual([]);
  });
});
