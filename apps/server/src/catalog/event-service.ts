import type { Store } from '@taurine/store';

export type CalculatorEventType = 'calculation' | 'affiliate_click';

export interface TrackedEvent {
  id: number;
  type: CalculatorEventType;
  flavorId: string;
  at: Date;
}

/** Stores the calculator's business events (calculations, affiliate clicks). */
export interface EventService {
  track(event: {
    type: CalculatorEventType;
    flavorId: string;
    sessionId: string | null;
  }): Promise<TrackedEvent>;
}

/**
 * Stores each event, then hands it to `record`, which counts it (`analytics/business-metrics.ts`:
 * calculations, affiliate clicks and their commission).
 */
export function createEventService(options: {
  store: Store;
  record: (event: { type: CalculatorEventType; flavorId: string }) => void;
  now?: () => number;
}): EventService {
  const now = options.now ?? Date.now;
  return {
    async track(event) {
      const createdAt = now();
      const { id } = await options.store.events.record({
        type: event.type,
        flavorId: event.flavorId,
        sessionId: event.sessionId ?? undefined,
        createdAt,
      });
      options.record({ type: event.type, flavorId: event.flavorId });
      return { id, type: event.type, flavorId: event.flavorId, at: new Date(createdAt) };
    },
  };
}
