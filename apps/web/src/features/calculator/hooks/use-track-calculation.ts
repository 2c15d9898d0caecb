import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { TrackEventMutation } from '../api/track-event.ts';

/** How long a valid drink must stay unchanged before it counts as a calculation. */
export const CALCULATION_SETTLE_MS = 2000;

/**
 * Records `trackEvent(CALCULATION)` once per distinct drink, after the visitor has left it unchanged
 * for `settleMs`: typing "5", "50", "500" is one calculation, not three. `drink` is null while the
 * inputs are invalid or the result is not in yet.
 */
export function useTrackCalculation(
  drink: { key: string; flavorId: string } | null,
  settleMs: number = CALCULATION_SETTLE_MS,
): void {
  const client = useClient();
  const tracked = useRef(new Set<string>());
  const key = drink?.key ?? null;
  const flavorId = drink?.flavorId ?? null;

  useEffect(() => {
    if (key === null || flavorId === null || tracked.current.has(key)) return;
    const timer = setTimeout(() => {
      tracked.current.add(key);
      // Telemetry must never disturb the visitor: the result is not awaited and errors are dropped.
      void client
        .mutation(TrackEventMutation, { input: { type: 'CALCULATION', flavorId } })
        .toPromise();
    }, settleMs);
    return () => {
      clearTimeout(timer);
    };
  }, [client, key, flavorId, settleMs]);
}
