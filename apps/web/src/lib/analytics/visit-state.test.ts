import { parseAnalyticsBeacon } from '@taurine/vitals';
import { describe, expect, it } from 'vitest';
import {
  addFeatureUse,
  addPageView,
  newVisitState,
  nextBeacon,
  parseVisitState,
} from './visit-state.ts';

const bytes = (length: number) => new Uint8Array(length).fill(171);

describe('visit state', () => {
  it('keeps running totals under route patterns and sends them with a growing seq', () => {
    const state = newVisitState(1_000, bytes);
    expect(state.sessionId).toBe('ab'.repeat(16));
    addPageView(state, '/');
    addPageView(state, '/alerts/12?x=1');
    addPageView(state, '/');
    addFeatureUse(state, 'filter.category');
    const first = nextBeacon(state, 31_000, false);
    expect(first).toEqual({
      sessionId: state.sessionId,
      seq: 1,
      durationMs: 30_000,
      pageViews: { '/': 2, '/alerts/:id': 1 },
      features: { 'filter.category': 1 },
      ended: false,
    });
    expect(parseAnalyticsBeacon(first)).toEqual({ ok: true, beacon: first });
    expect(nextBeacon(state, 32_000, true)).toMatchObject({ seq: 2, ended: true });
  });

  it('comes back from sessionStorage after a reload and starts over from a damaged entry', () => {
    const state = newVisitState(5, bytes);
    addPageView(state, '/demo');
    expect(parseVisitState(JSON.stringify(state))).toEqual(state);
    expect(parseVisitState('{"sessionId":"x"}')).toBeNull();
    expect(parseVisitState('not json')).toBeNull();
    expect(parseVisitState(null)).toBeNull();
  });
});
