/**
 * Source of time for everything in this package (metrics and alerting alike): epoch milliseconds,
 * injected so tests and simulations control it.
 */
export interface Clock {
  now(): number;
}

/** A clock whose time only moves when told to; for tests and simulations. */
export interface ManualClock extends Clock {
  /** Sets the time (epoch ms). */
  set(epochMs: number): void;
  /** Moves the time forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/** The wall clock (`Date.now`). */
export const systemClock: Clock = { now: () => Date.now() };

/** Creates a {@link ManualClock} starting at `startMs` (epoch ms). */
export function createManualClock(startMs = 0): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (epochMs) => {
      current = epochMs;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
