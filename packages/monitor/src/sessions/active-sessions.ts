/**
 * Counts distinct visitors seen within a sliding window ("active users, last 5 minutes"). Memory is
 * bounded: past `maxSessions` the longest-idle visitors are forgotten first, so a flood of forged
 * session ids costs at most `maxSessions` entries.
 */
export interface ActiveSessionsOptions {
  /** @default 300000 (5 minutes) */
  windowMs?: number;
  /** @default 100000 */
  maxSessions?: number;
}

export class ActiveSessions {
  readonly windowMs: number;
  readonly maxSessions: number;
  // A Map keeps insertion order; re-inserting on every sighting keeps it ordered by last seen.
  readonly #lastSeen = new Map<string, number>();

  constructor(options: ActiveSessionsOptions = {}) {
    this.windowMs = options.windowMs ?? 300_000;
    this.maxSessions = options.maxSessions ?? 100_000;
    if (!(this.windowMs > 0)) throw new RangeError('windowMs must be a positive number');
    if (!Number.isInteger(this.maxSessions) || this.maxSessions < 1) {
      throw new RangeError('maxSessions must be a positive integer');
    }
  }

  /** Records that `sessionId` was seen at `now` (epoch ms). */
  touch(sessionId: string, now: number): void {
    this.#lastSeen.delete(sessionId);
    this.#lastSeen.set(sessionId, now);
    if (this.#lastSeen.size > this.maxSessions) {
      const oldest = this.#lastSeen.keys().next();
      if (!oldest.done) this.#lastSeen.delete(oldest.value);
    }
  }

  /** Distinct sessions seen in the window ending at `now`; forgets older ones. */
  count(now: number): number {
    const cutoff = now - this.windowMs;
    for (const [sessionId, seenAt] of this.#lastSeen) {
      if (seenAt >= cutoff) break;
      this.#lastSeen.delete(sessionId);
    }
    return this.#lastSeen.size;
  }
}
