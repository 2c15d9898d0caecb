import { createPubSub } from 'graphql-yoga';
import type { PubSub } from 'graphql-yoga';
import type { Snapshot } from '../collect/snapshot.ts';

/**
 * Topics pushed to subscribers. With several instances the event target is Redis-backed
 * (`@graphql-yoga/redis-event-target`), so every instance's subscribers see every event.
 */
export type PubSubChannels = {
  snapshot: [snapshot: Snapshot];
  alertEvent: [event: unknown];
};

export type TaurinePubSub = PubSub<PubSubChannels>;

export const createTaurinePubSub = (
  eventTarget?: Parameters<typeof createPubSub>[0] extends infer O
    ? O extends { eventTarget?: infer T }
      ? T
      : never
    : never,
): TaurinePubSub => createPubSub<PubSubChannels>(eventTarget ? { eventTarget } : undefined);
