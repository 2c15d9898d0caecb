import type { AnalyticsBeacon } from './analytics-beacon.ts';

/** A session that ended: how long it lasted and how many pages it showed. */
export interface ClosedVisit {
  durationMs: number;
  pageViews: number;
}

/** What one beacon adds to the counts. */
export interface VisitUpdate {
  /** False when the beacon was a repeat or older than one already applied: it adds nothing. */
  accepted: boolean;
  /** Page views per route new since the previous applied beacon of the session. */
  pageViews: Record<string, number>;
  /** Feature uses new since the previous applied beacon of the session. */
  features: Record<string, number>;
  /** Sessions that ended: this one when the beacon says so, one pushed out to make room. */
  closed: ClosedVisit[];
}

export interface VisitLedgerOptions {
  /** Sessions held at once; past it the least recently seen one ends early. @default 10000 */
  maxSessions?: number;
  /** A session without a beacon for this long has ended (as in web analytics). @default 1800000 */
  idleMs?: number;
}

interface SessionEntry {
  seq: number;
  durationMs: number;
  pageViews: Record<string, number>;
  features: Record<string, number>;
  /** Totals when the current visit began: a session that ended and came back starts again. */
  visitStart: { durationMs: number; pageViews: number };
  open: boolean;
  lastSeenAt: number;
}

const sum = (totals: Record<string, number>) =>
  Object.values(totals).reduce((total, count) => total + count, 0);

/** What grew from `before` to `after`, per key; a shrinking total (never sent) adds nothing. */
function growth(before: Record<string, number>, after: Record<string, number>) {
  const added: Record<string, number> = {};
  for (const [key, count] of Object.entries(after)) {
    const delta = count - (before[key] ?? 0);
    if (delta > 0) added[key] = delta;
  }
  return added;
}

/** Keeps the larger total per key: totals only grow, whatever order beacons arrive in. */
function merge(before: Record<string, number>, after: Record<string, number>) {
  const merged = { ...before };
  for (const [key, count] of Object.entries(after)) merged[key] = Math.max(merged[key] ?? 0, count);
  return merged;
}

/**
 * Turns the tabs' running totals into counts that neither lose nor double anything a beacon
 * carried: each session's last applied totals are kept, and a beacon counts only what grew since.
 * A lost beacon is made good by the next one; a repeated or older one (`seq` not above the last)
 * adds nothing. A session unknown here whose `seq` is above 1 (this process restarted, or the
 * session was pushed out) is adopted: its totals become the baseline and count nothing, so a
 * restart under-counts one beacon's worth rather than counting a session twice.
 *
 * Sessions end with a beacon that says so (`pagehide`), after `idleMs` without one
 * ({@link VisitLedger.closeIdle}), or when pushed out by `maxSessions`; each ended visit is
 * reported once with its duration and page count. An ended session starts a new visit when a
 * later beacon brings new page views or feature uses (a tab restored from the back/forward
 * cache, a tab used again after `idleMs`); a later beacon that brings nothing new ends nothing
 * twice. Pure: the caller passes the time.
 */
export class VisitLedger {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly maxSessions: number;
  private readonly idleMs: number;

  constructor(options: VisitLedgerOptions = {}) {
    this.maxSessions = options.maxSessions ?? 10_000;
    this.idleMs = options.idleMs ?? 30 * 60_000;
    if (!Number.isInteger(this.maxSessions) || this.maxSessions < 1)
      throw new RangeError('VisitLedger: maxSessions must be a whole number above 0');
    if (!Number.isFinite(this.idleMs) || this.idleMs <= 0)
      throw new RangeError('VisitLedger: idleMs must be a positive number of milliseconds');
  }

  /** Sessions held (open, or ended recently enough to recognise a repeated beacon). */
  get size(): number {
    return this.sessions.size;
  }

  /** Applies one validated beacon received at `now`. */
  apply(beacon: AnalyticsBeacon, now: number): VisitUpdate {
    const closed: ClosedVisit[] = [];
    let entry = this.sessions.get(beacon.sessionId);
    if (entry !== undefined && beacon.seq <= entry.seq)
      return { accepted: false, pageViews: {}, features: {}, closed };
    const adopted = entry === undefined && beacon.seq > 1;
    if (entry === undefined) {
      closed.push(...this.makeRoom());
      entry = {
        seq: 0,
        durationMs: 0,
        pageViews: adopted ? beacon.pageViews : {},
        features: adopted ? beacon.features : {},
        visitStart: { durationMs: 0, pageViews: 0 },
        open: true,
        lastSeenAt: now,
      };
    }
    const pageViews = growth(entry.pageViews, beacon.pageViews);
    const features = growth(entry.features, beacon.features);
    entry.pageViews = merge(entry.pageViews, beacon.pageViews);
    entry.features = merge(entry.features, beacon.features);
    entry.seq = beacon.seq;
    entry.durationMs = Math.max(entry.durationMs, beacon.durationMs);
    entry.lastSeenAt = now;
    // Most recently seen last: the map's order is the order sessions go idle in.
    this.sessions.delete(beacon.sessionId);
    this.sessions.set(beacon.sessionId, entry);
    const grew = Object.keys(pageViews).length > 0 || Object.keys(features).length > 0;
    if (!entry.open && !grew) {
      // A late beacon of an ended visit (a browser fires visibilitychange after pagehide): the
      // time since the end belongs to no visit.
      entry.visitStart.durationMs = entry.durationMs;
      return { accepted: true, pageViews, features, closed };
    }
    entry.open = true;
    if (beacon.ended) closed.push(this.close(entry));
    return { accepted: true, pageViews, features, closed };
  }

  /**
   * Ends the sessions without a beacon for `idleMs` and forgets those ended more than `idleMs`
   * before that; returns the visits that ended.
   */
  closeIdle(now: number): ClosedVisit[] {
    const closed: ClosedVisit[] = [];
    for (const [id, entry] of this.sessions) {
      if (now - entry.lastSeenAt < this.idleMs) break;
      if (entry.open) closed.push(this.close(entry));
      if (now - entry.lastSeenAt >= 2 * this.idleMs) this.sessions.delete(id);
    }
    return closed;
  }

  private makeRoom(): ClosedVisit[] {
    const closed: ClosedVisit[] = [];
    for (const [id, entry] of this.sessions) {
      if (this.sessions.size < this.maxSessions) break;
      if (entry.open) closed.push(this.close(entry));
      this.sessions.delete(id);
    }
    return closed;
  }

  private close(entry: SessionEntry): ClosedVisit {
    const pageViews = sum(entry.pageViews);
    const visit = {
      durationMs: entry.durationMs - entry.visitStart.durationMs,
      pageViews: pageViews - entry.visitStart.pageViews,
    };
    entry.open = false;
    entry.visitStart = { durationMs: entry.durationMs, pageViews };
    return visit;
  }
}
