/** How long one `shedLoad` action sheds, unless a later one extends it. */
export const LOAD_SHEDDING_MS = 5 * 60_000;

/** This instance's load-shedding switch; the leader's `shedLoad` response turns it on everywhere. */
export interface LoadShedder {
  /** True while shedding. */
  active(): boolean;
  /** Epoch ms when shedding ends (in the past when off). */
  until(): number;
  /** Sheds until `epochMs` (a later end extends, an earlier one is ignored). */
  shedUntil(epochMs: number): void;
}

export function createLoadShedder(now: () => number = Date.now): LoadShedder {
  let end = 0;
  return {
    active: () => now() < end,
    until: () => end,
    shedUntil(epochMs) {
      if (Number.isFinite(epochMs) && epochMs > end) end = epochMs;
    },
  };
}
