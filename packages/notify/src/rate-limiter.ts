import { systemClock, systemSleep } from './clock.ts';
import type { Clock, Sleep } from './clock.ts';
import { checkPositiveNumber, invalidOption } from './option-checks.ts';

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Minimum spacing between the starts of two calls for one key. @default 1000 */
  minIntervalMs?: number;
  /**
   * Longest a caller is made to wait for its slot; beyond it `acquire` declines instead, so a
   * receiver's long Retry-After does not stall the dispatcher. @default 5000
   */
  maxWaitMs?: number;
  /** @default systemClock */
  clock?: Clock;
  /** @default systemSleep */
  sleep?: Sleep;
}

/** `ok` once the caller may go; otherwise how long until the key has a slot. */
export type SlotDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Spaces calls per key (one Slack webhook = one key). */
export interface RateLimiter {
  /** Reserves the key's next slot and waits for it, or declines when the wait is too long. */
  acquire(key: string): Promise<SlotDecision>;
  /** Makes the key wait until `untilMs` (a receiver answered 429 with Retry-After). */
  holdUntil(key: string, untilMs: number): void;
}

const SCOPE = 'createRateLimiter';

/**
 * Creates a per-key scheduler: slots are reserved synchronously, so concurrent callers queue in
 * call order, each starting at least `minIntervalMs` after the previous one.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const minIntervalMs = checkPositiveNumber(SCOPE, 'minIntervalMs', options.minIntervalMs ?? 1000);
  const maxWaitMs = options.maxWaitMs ?? 5000;
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0) {
    invalidOption(SCOPE, 'maxWaitMs must be a non-negative finite number');
  }
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? systemSleep;
  /** Earliest start of the next call per key. */
  const nextSlot = new Map<string, number>();

  return {
    async acquire(key) {
      const now = clock.now();
      const slot = Math.max(now, nextSlot.get(key) ?? now);
      const waitMs = slot - now;
      if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
      nextSlot.set(key, slot + minIntervalMs);
      if (waitMs > 0) await sleep(waitMs);
      return { ok: true };
    },
    holdUntil(key, untilMs) {
      nextSlot.set(key, Math.max(nextSlot.get(key) ?? 0, untilMs));
    },
  };
}
