import { ANALYTICS_LIMITS, foldFeatureName, normaliseRoute } from '@taurine/vitals';
import type { AnalyticsBeacon, FeatureName } from '@taurine/vitals';

/**
 * One tab's visit: an anonymous id made here (no cookie, nothing about the person), when the tab's
 * session began, the beacons sent so far, and the running totals every beacon carries.
 */
export interface VisitState {
  sessionId: string;
  startedAt: number;
  seq: number;
  pageViews: Record<string, number>;
  features: Record<string, number>;
}

/** Where the state is kept: `sessionStorage`, which is per tab and survives a reload. */
export const VISIT_STORAGE_KEY = 'taurine.visit';

const isTotals = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((count) => typeof count === 'number');

/** The stored state when it is well formed; null otherwise (a new visit starts). */
export function parseVisitState(text: string | null): VisitState | null {
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as Partial<VisitState>;
    if (
      typeof state.sessionId === 'string' &&
      /^[a-f0-9]{32}$/.test(state.sessionId) &&
      typeof state.startedAt === 'number' &&
      typeof state.seq === 'number' &&
      isTotals(state.pageViews) &&
      isTotals(state.features)
    )
      return state as VisitState;
  } catch {
    // A damaged entry starts a new visit.
  }
  return null;
}

/** A new visit with a random 32-hex-digit id. */
export function newVisitState(
  now: number,
  randomBytes: (length: number) => Uint8Array,
): VisitState {
  const sessionId = Array.from(randomBytes(16), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
  return { sessionId, startedAt: now, seq: 0, pageViews: {}, features: {} };
}

const bump = (totals: Record<string, number>, key: string) => {
  totals[key] = Math.min(ANALYTICS_LIMITS.maxCount, (totals[key] ?? 0) + 1);
};

/** Counts a page view of `pathname` under its route pattern. */
export function addPageView(state: VisitState, pathname: string): void {
  bump(state.pageViews, normaliseRoute(pathname));
}

/** Counts one use of `feature`. */
export function addFeatureUse(state: VisitState, feature: FeatureName): void {
  bump(state.features, foldFeatureName(feature));
}

/** The next beacon of the visit at `now` (the state's `seq` moves on). */
export function nextBeacon(state: VisitState, now: number, ended: boolean): AnalyticsBeacon {
  state.seq += 1;
  return {
    sessionId: state.sessionId,
    seq: state.seq,
    durationMs: Math.min(
      ANALYTICS_LIMITS.maxDurationMs,
      Math.max(0, Math.round(now - state.startedAt)),
    ),
    pageViews: { ...state.pageViews },
    features: { ...state.features },
    ended,
  };
}
