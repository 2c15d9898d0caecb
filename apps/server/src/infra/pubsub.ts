import { createPubSub } from 'graphql-yoga';
import type { PubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { AlertEvent } from '../alerting/alert-events.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';

/**
 * Topics pushed to subscribers. With several instances, events also travel through Redis (see
 * {@link createInstanceEventTarget}), so every instance's subscribers see every event.
 */
export type PubSubChannels = {
  /** The deployment's snapshot (one instance's own without a cluster), once per tick. */
  snapshot: [snapshot: Snapshot];
  /** Every instance's own snapshot, each tick (the `snapshot(instance:)` subscription). */
  instanceSnapshot: [snapshot: Snapshot];
  alertEvent: [event: AlertEvent];
  /** The leader's `shedLoad` response: shed until this epoch ms on every instance. */
  loadShedding: [until: number];
  /** The leader's `raiseTtl` response: a key family's new TTL for every instance's cache. */
  cacheTtl: [change: { family: string; ttlMs: number }];
};

export type TaurinePubSub = PubSub<PubSubChannels>;

type PubSubEventTarget = NonNullable<
  NonNullable<Parameters<typeof createPubSub>[0]>['eventTarget']
>;

/** Options of {@link createInstanceEventTarget}. */
export interface InstanceEventTargetOptions {
  /** Publishes to other instances; must not queue while disconnected (stale events). */
  publisher: Pick<Redis, 'publish' | 'status'>;
  /** A connection dedicated to SUBSCRIBE. */
  subscriber: Pick<Redis, 'subscribe' | 'unsubscribe' | 'on'>;
  /** Tags this instance's messages, so it ignores its own echo. */
  instanceId: string;
  /** Prefixes every channel (a Redis channel is global to the server): `taurine:events:`. */
  prefix: string;
  /** Told when an event could not reach other instances (Redis away); it was delivered here. */
  onDropped?: (type: string) => void;
}

interface Envelope {
  origin: string;
  detail: unknown;
}

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && typeof (value as Envelope).origin === 'string';

/**
 * An event target for several instances: an event reaches this instance's subscribers at once,
 * in memory, and other instances through Redis (tagged with `instanceId`; each instance drops
 * its own echo). While Redis is away an instance keeps serving its own events and does not queue
 * the ones for others: a snapshot delivered half a minute late is stale, so after an outage the
 * stream resumes with fresh events instead of a burst of old ones.
 */
export function createInstanceEventTarget(options: InstanceEventTargetOptions): PubSubEventTarget {
  const { publisher, subscriber, instanceId, prefix, onDropped } = options;
  const local = new EventTarget();
  const listeners = new Map<string, number>();
  const ignore = () => undefined;

  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    let envelope: unknown;
    try {
      envelope = JSON.parse(message);
    } catch {
      return;
    }
    if (!isEnvelope(envelope) || envelope.origin === instanceId) return;
    local.dispatchEvent(new CustomEvent(channel.slice(prefix.length), { detail: envelope.detail }));
  });

  return {
    addEventListener(type, listener, listenerOptions) {
      local.addEventListener(type, listener as EventListener | null, listenerOptions);
      const count = (listeners.get(type) ?? 0) + 1;
      listeners.set(type, count);
      // Only instances with subscribers of a topic listen to it (ioredis resubscribes on reconnect).
      if (count === 1) subscriber.subscribe(prefix + type).catch(ignore);
    },
    removeEventListener(type, listener, listenerOptions) {
      local.removeEventListener(type, listener as EventListener | null, listenerOptions);
      const count = (listeners.get(type) ?? 0) - 1;
      if (count > 0) {
        listeners.set(type, count);
        return;
      }
      listeners.delete(type);
      subscriber.unsubscribe(prefix + type).catch(ignore);
    },
    dispatchEvent(event) {
      const detail = (event as CustomEvent<unknown>).detail;
      local.dispatchEvent(new CustomEvent(event.type, { detail }));
      if (publisher.status !== 'ready') {
        onDropped?.(event.type);
        return true;
      }
      const envelope: Envelope = { origin: instanceId, detail };
      publisher.publish(prefix + event.type, JSON.stringify(envelope)).catch(() => {
        onDropped?.(event.type);
      });
      return true;
    },
  };
}

export const createTaurinePubSub = (eventTarget?: PubSubEventTarget): TaurinePubSub =>
  createPubSub<PubSubChannels>(eventTarget ? { eventTarget } : undefined);
