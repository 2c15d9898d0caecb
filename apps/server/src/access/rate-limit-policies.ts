/**
 * The rate-limit policies: data, with no dependency on who is calling, so the key service (which
 * validates the policy a key names) and the limiters (which apply it) both read it without
 * importing each other.
 */

/** A token bucket: `limit` requests per `windowMs`, refilled smoothly; `limit` is also the burst. */
export interface RateLimitPolicy {
  readonly limit: number;
  readonly windowMs: number;
}

/** Named policies. Keys use their role's policy unless they name another one. */
export type RateLimitPolicies = Readonly<Record<string, RateLimitPolicy>>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Default policies. `anonymous` applies per client IP; the role policies per key. `third-party` is
 * the budget for keys handed to outside tools and scripts (100 requests/hour): a key gets it
 * when created with that policy (`npm run keys -- create … --rate-limit third-party`), so the
 * dashboard's own keys keep their role's interactive budget. The table is data: pass another one
 * to `rateLimitTarget` to change or add policies.
 */
export const DEFAULT_RATE_LIMIT_POLICIES = {
  anonymous: { limit: 300, windowMs: MINUTE },
  viewer: { limit: 600, windowMs: MINUTE },
  operator: { limit: 600, windowMs: MINUTE },
  admin: { limit: 1200, windowMs: MINUTE },
  'third-party': { limit: 100, windowMs: HOUR },
} as const satisfies RateLimitPolicies;
