import type { MetricsRegistry } from '@taurine/monitor';
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

const COUNTERS = {
  calculation: 'business.calculations',
  affiliate_click: 'business.affiliateClicks',
} as const;

/** Stores each event and counts it (`business.calculations`, `business.affiliateClicks`). */
export function createEventService(options: {
  store: Store;
  registry: MetricsRegistry;
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
      options.registry.counter(COUNTERS[event.type], 1);
      return { id, type: event.type, flavorId: event.flavorId, at: new Date(createdAt) };
    },
  };
}
