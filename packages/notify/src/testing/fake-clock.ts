import type { Clock, Sleep } from '../clock.ts';

/** A manual clock whose `sleep` advances time instantly and records each wait. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
  sleep: Sleep;
  sleeps: number[];
}

export function createFakeClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    sleeps,
    sleep(ms) {
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}
