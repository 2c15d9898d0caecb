/** Exponential back-off with proportional jitter. */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
  /** Growth per attempt, ≥ 1. */
  factor: number;
  /** Spread as a fraction of the delay, 0..1: 0.2 gives ±20 %. */
  jitter: number;
}

/** 1 s, 2 s, 4 s … up to 5 min, ±20 %. */
export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = {
  baseMs: 1000,
  maxMs: 5 * 60 * 1000,
  factor: 2,
  jitter: 0.2,
};

/**
 * Delay before the next attempt after `attempt` (1-based) failed:
 * `min(maxMs, baseMs · factor^(attempt−1))`, scaled by `1 ± jitter` from `random()` in [0, 1),
 * never above `maxMs`. Pure.
 */
export function computeBackoff(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
): number {
  const exponent = Math.max(0, attempt - 1);
  const delay = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.round(Math.min(policy.maxMs, Math.max(0, delay * spread)));
}
