import { HyperLogLog } from './hyper-log-log.ts';

/**
 * Counts distinct visitors seen within a sliding window ("active users, last 5 minutes"), with
 * memory bounded whatever clients send:
 *
 * - one client (an address) counts for at most `maxSessionsPerClient` distinct session ids per
 *   window; further new ids from it are refused, so forged ids from one address cannot inflate
 *   the count;
 * - at most `maxSessions` sessions are held exactly (least recently seen forgotten first); once
 *   the exact set had to forget someone still inside the window, the count is a HyperLogLog
 *   estimate over the window (about 2 % error) instead of an under-count.
 */
export interface ActiveSessionsOptions {
  /** @default 300000 (5 minutes) */
  windowMs?: number;
  /** Sessions held exactly. @default 20000 */
  maxSessions?: number;
  /** Distinct session ids one client may add per window. @default 20 */
  maxSessionsPerClient?: number;
}

/** Default bounds of {@link ActiveSessions}. */
export const ACTIVE_SESSIONS_DEFAULTS = {
  windowMs: 300_000,
  maxSessions: 20_000,
  maxSessionsPerClient: 20,
  /** The window is estimated from this many sub-window HyperLogLogs (4 KiB each). */
  estimatorSlots: 5,
} as const;

/** What {@link ActiveSessions} holds, for tests and health pages. */
export interface ActiveSessionsUsage {
  /** Sessions held exactly. */
  sessions: number;
  /** Clients with at least one held session. */
  clients: number;
  /** New session ids refused because their client had reached its quota. */
  refused: number;
  /** Whether `count()` is currently an estimate. */
  estimated: boolean;
}

interface Seen {
  at: number;
  client: string | null;
}

export class ActiveSessions {
  readonly windowMs: number;
  readonly maxSessions: number;
  readonly maxSessionsPerClient: number;
  // A Map keeps insertion order; re-inserting on every sighting keeps it ordered by last seen.
  readonly #sessions = new Map<string, Seen>();
  readonly #perClient = new Map<string, number>();
  readonly #slotMs: number;
  readonly #slots: { start: number; counter: HyperLogLog }[];
  readonly #union = new HyperLogLog();
  #refused = 0;
  /** Sessions accepted since the last `takeRecent` (shared with other instances each tick). */
  readonly #recent = new Set<string>();
  /** Until then the exact set is missing sessions of the window, so `count` estimates. */
  #incompleteUntil = -Infinity;

  constructor(options: ActiveSessionsOptions = {}) {
    const defaults = ACTIVE_SESSIONS_DEFAULTS;
    this.windowMs = options.windowMs ?? defaults.windowMs;
    this.maxSessions = options.maxSessions ?? defaults.maxSessions;
    this.maxSessionsPerClient = options.maxSessionsPerClient ?? defaults.maxSessionsPerClient;
    if (!(this.windowMs > 0)) throw new RangeError('windowMs must be a positive number');
    if (!Number.isInteger(this.maxSessions) || this.maxSessions < 1) {
      throw new RangeError('maxSessions must be a positive integer');
    }
    if (!Number.isInteger(this.maxSessionsPerClient) || this.maxSessionsPerClient < 1) {
      throw new RangeError('maxSessionsPerClient must be a positive integer');
    }
    this.#slotMs = this.windowMs / defaults.estimatorSlots;
    // One slot more than the window spans, so the oldest partly covered slot is still there.
    this.#slots = Array.from({ length: defaults.estimatorSlots + 1 }, () => ({
      start: -Infinity,
      counter: new HyperLogLog(),
    }));
  }

  /**
   * Records that `sessionId` was seen at `now` (epoch ms) from `client` (e.g. the caller's address;
   * omit it for trusted sources). Returns false when the session was refused because `client`
   * already has `maxSessionsPerClient` sessions in the window.
   */
  touch(sessionId: string, now: number, client?: string): boolean {
    this.#expire(now);
    const seen = this.#sessions.get(sessionId);
    if (seen !== undefined) {
      this.#sessions.delete(sessionId);
      seen.at = now;
      this.#sessions.set(sessionId, seen);
      // Every sighting goes into the current slot, so the estimate keeps long sessions too.
      this.#slotFor(now).add(sessionId);
      this.#noteRecent(sessionId);
      return true;
    }
    const owner = client ?? null;
    if (owner !== null) {
      const held = this.#perClient.get(owner) ?? 0;
      if (held >= this.maxSessionsPerClient) {
        this.#refused++;
        return false;
      }
      this.#perClient.set(owner, held + 1);
    }
    this.#sessions.set(sessionId, { at: now, client: owner });
    this.#slotFor(now).add(sessionId);
    this.#noteRecent(sessionId);
    if (this.#sessions.size > this.maxSessions) {
      const oldest = this.#sessions.entries().next().value!;
      this.#forget(oldest[0], oldest[1]);
      this.#incompleteUntil = Math.max(this.#incompleteUntil, oldest[1].at + this.windowMs);
    }
    return true;
  }

  /**
   * The sessions accepted since the previous call (at most `maxSessions`), then forgets them: a
   * cluster shares them each tick so a visitor seen by two instances counts once.
   */
  takeRecent(): string[] {
    const recent = [...this.#recent];
    this.#recent.clear();
    return recent;
  }

  #noteRecent(sessionId: string): void {
    if (this.#recent.size < this.maxSessions) this.#recent.add(sessionId);
  }

  /** Distinct sessions seen in the window ending at `now`; forgets older ones. */
  count(now: number): number {
    this.#expire(now);
    const exact = this.#sessions.size;
    if (now >= this.#incompleteUntil) return exact;
    const union = this.#union;
    union.clear();
    const from = now - this.windowMs;
    for (const slot of this.#slots) {
      if (slot.start + this.#slotMs > from) union.merge(slot.counter);
    }
    return Math.max(exact, union.estimate());
  }

  /** Entries held and refusals so far. */
  usage(now: number): ActiveSessionsUsage {
    this.#expire(now);
    return {
      sessions: this.#sessions.size,
      clients: this.#perClient.size,
      refused: this.#refused,
      estimated: now < this.#incompleteUntil,
    };
  }

  #expire(now: number): void {
    const cutoff = now - this.windowMs;
    for (const [sessionId, seen] of this.#sessions) {
      if (seen.at >= cutoff) break;
      this.#forget(sessionId, seen);
    }
  }

  #forget(sessionId: string, seen: Seen): void {
    this.#sessions.delete(sessionId);
    if (seen.client === null) return;
    const held = (this.#perClient.get(seen.client) ?? 1) - 1;
    if (held <= 0) this.#perClient.delete(seen.client);
    else this.#perClient.set(seen.client, held);
  }

  #slotFor(now: number): HyperLogLog {
    const start = Math.floor(now / this.#slotMs) * this.#slotMs;
    const index = Math.floor(now / this.#slotMs) % this.#slots.length;
    const slot = this.#slots[index]!;
    if (slot.start !== start) {
      slot.start = start;
      slot.counter.clear();
    }
    return slot.counter;
  }
}
