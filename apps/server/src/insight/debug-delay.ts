import { setTimeout as sleep } from 'node:timers/promises';

/** The request header that asks for the test-only slowdown (with `TAURINE_DEBUG_DELAY_MS`). */
export const DEBUG_DELAY_HEADER = 'x-taurine-debug-delay';

/**
 * Test and benchmark only: with `TAURINE_DEBUG_DELAY_MS` set, a `flavors` query carrying the
 * {@link DEBUG_DELAY_HEADER} header waits that long, a deliberate slowdown for insight to find.
 * Unset (the default), nothing waits.
 */
export async function debugDelay(delayMs: number, request: Request): Promise<void> {
  if (delayMs > 0 && request.headers.has(DEBUG_DELAY_HEADER)) await sleep(delayMs);
}
