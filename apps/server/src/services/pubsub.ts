import { createPubSub } from 'graphql-yoga';
import type { PubSub } from 'graphql-yoga';
import type { AlertEvent } from '../alerting/alert-events.ts';
import type { Snapshot } from '../collect/snapshot.ts';

/**
 * Topics pushed to subscribers. With several instances the event target is Redis-backed
 * (`@graphql-yoga/redis-event-target`), so every instance's subscribers see every event.
 */
export type PubSubChannels = {
  snapshot: [snapshot: Snapshot];
  alertEvent: [event: AlertEvent];
};

export type TaurinePubSub = PubSub<PubSubChannels>;

type PubSubEventTarget = NonNullable<
  NonNullable<Parameters<typeof createPubSub>[0]>['eventTarget']
>;

/**
 * Prefixes every topic on a shared event target (a Redis channel is global to the Redis server),
 * so two deployments — or two test runs — on one Redis never see each other's events.
 */
export function prefixTopics(target: PubSubEventTarget, prefix: string): PubSubEventTarget {
  return {
    addEventListener: (type, listener, options) => {
      target.addEventListener(prefix + type, listener, options);
    },
    removeEventListener: (type, listener, options) => {
      target.removeEventListener(prefix + type, listener, options);
    },
    dispatchEvent: (event) =>
      target.dispatchEvent(
        new CustomEvent(prefix + event.type, { detail: (event as CustomEvent<unknown>).detail }),
      ),
  };
}

export const createTaurinePubSub = (eventTarget?: PubSubEventTarget): TaurinePubSub =>
  createPubSub<PubSubChannels>(eventTarget ? { eventTarget } : undefined);
