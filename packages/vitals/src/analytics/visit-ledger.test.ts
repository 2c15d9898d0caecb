import { describe, expect, it } from 'vitest';
import type { AnalyticsBeacon } from './analytics-beacon.ts';
import { VisitLedger } from './visit-ledger.ts';

const MINUTE = 60_000;

const beacon = (seq: number, overrides: Partial<AnalyticsBeacon> = {}): AnalyticsBeacon => ({
  sessionId: 'tab-aaaaaaaa',
  seq,
  durationMs: seq * 10_000,
  pageViews: {},
  features: {},
  ended: false,
  ...overrides,
});

describe('VisitLedger', () => {
  it('counts only what grew since the last beacon: a lost beacon is made good, a repeat adds nothing', () => {
    const ledger = new VisitLedger();
    const first = ledger.apply(beacon(1, { pageViews: { '/': 1 } }), 0);
    expect(first.pageViews).toEqual({ '/': 1 });
    // Beacon 2 was lost; beacon 3 carries its page view too.
    const third = ledger.apply(
      beacon(3, { pageViews: { '/': 1, '/demo': 2 }, features: { 'preset.serving': 1 } }),
      1,
    );
    expect(third).toEqual({
      accepted: true,
      pageViews: { '/demo': 2 },
      features: { 'preset.serving': 1 },
      closed: [],
    });
    // Beacon 2 arrives late, beacon 3 again: both add nothing.
    expect(ledger.apply(beacon(2, { pageViews: { '/': 1, '/demo': 1 } }), 2).accepted).toBe(false);
    expect(ledger.apply(beacon(3, { pageViews: { '/': 1, '/demo': 2 } }), 3).accepted).toBe(false);
  });

  it('ends a session once with its duration and pages, on its last beacon or when idle', () => {
    const ledger = new VisitLedger({ idleMs: 30 * MINUTE });
    ledger.apply(beacon(1, { pageViews: { '/': 1 } }), 0);
    const last = ledger.apply(
      beacon(2, { durationMs: 95_000, pageViews: { '/': 2, '/demo': 1 }, ended: true }),
      1,
    );
    expect(last.closed).toEqual([{ durationMs: 95_000, pageViews: 3 }]);
    expect(ledger.apply(beacon(2, { ended: true }), 2).closed).toEqual([]);

    ledger.apply(beacon(1, { sessionId: 'tab-bbbbbbbb', pageViews: { '/alerts': 1 } }), 0);
    expect(ledger.closeIdle(29 * MINUTE)).toEqual([]);
    expect(ledger.closeIdle(31 * MINUTE)).toEqual([{ durationMs: 10_000, pageViews: 1 }]);
    expect(ledger.closeIdle(32 * MINUTE)).toEqual([]);
    expect(ledger.closeIdle(61 * MINUTE)).toEqual([]);
    expect(ledger.size).toBe(0);
  });

  it('starts a new visit when an ended session comes back (bfcache, a tab hidden for long)', () => {
    const ledger = new VisitLedger();
    ledger.apply(beacon(1, { durationMs: 20_000, pageViews: { '/': 1 }, ended: true }), 0);
    const back = ledger.apply(
      beacon(2, { durationMs: 50_000, pageViews: { '/': 1, '/demo': 1 }, ended: true }),
      1,
    );
    expect(back.pageViews).toEqual({ '/demo': 1 });
    expect(back.closed).toEqual([{ durationMs: 30_000, pageViews: 1 }]);
  });

  it('ends nothing twice when a beacon without news follows the last one', () => {
    const ledger = new VisitLedger();
    ledger.apply(beacon(1, { durationMs: 20_000, pageViews: { '/': 1 }, ended: true }), 0);
    const late = ledger.apply(beacon(2, { durationMs: 21_000, pageViews: { '/': 1 } }), 1);
    expect(late).toEqual({ accepted: true, pageViews: {}, features: {}, closed: [] });
    expect(ledger.closeIdle(31 * MINUTE)).toEqual([]);
    const back = ledger.apply(
      beacon(3, { durationMs: 80_000, pageViews: { '/': 2 }, ended: true }),
      2,
    );
    expect(back.closed).toEqual([{ durationMs: 59_000, pageViews: 1 }]);
  });

  it('adopts a session it does not know mid-way instead of counting its totals twice', () => {
    const ledger = new VisitLedger();
    const adopted = ledger.apply(beacon(7, { pageViews: { '/': 4 } }), 0);
    expect(adopted.pageViews).toEqual({});
    expect(ledger.apply(beacon(8, { pageViews: { '/': 5 } }), 1).pageViews).toEqual({ '/': 1 });
  });

  it('holds at most maxSessions: the least recently seen one ends early to make room', () => {
    const ledger = new VisitLedger({ maxSessions: 2 });
    ledger.apply(beacon(1, { sessionId: 'tab-11111111', pageViews: { '/': 1 } }), 0);
    ledger.apply(beacon(1, { sessionId: 'tab-22222222' }), 1);
    ledger.apply(beacon(2, { sessionId: 'tab-11111111', pageViews: { '/': 2 } }), 2);
    const third = ledger.apply(beacon(1, { sessionId: 'tab-33333333' }), 3);
    expect(third.closed).toEqual([{ durationMs: 10_000, pageViews: 0 }]);
    expect(ledger.size).toBe(2);
  });

  it('refuses bad options with an exact message', () => {
    expect(() => new VisitLedger({ maxSessions: 0 })).toThrow(
      'VisitLedger: maxSessions must be a whole number above 0',
    );
  });
});
