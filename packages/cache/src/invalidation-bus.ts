import { CACHE_KEY_LIMITS } from './cache-key.ts';
import { GLOB_PATTERN_LIMITS } from './glob-pattern.ts';

/** "Drop these keys" or "drop what matches this glob", from the cache instance `source`. */
export type InvalidationMessage =
  | { readonly source: string; readonly type: 'delete'; readonly keys: readonly string[] }
  | { readonly source: string; readonly type: 'clear'; readonly pattern: string };

export type InvalidationHandler = (message: InvalidationMessage) => void;

/**
 * Carries invalidations between cache instances so each can drop the keys from its memory tier.
 * Every subscriber receives every message, its own included; receivers skip their own by `source`.
 */
export interface InvalidationBus {
  /** Sends `message` to every subscriber. */
  publish(message: InvalidationMessage): Promise<void>;
  /** Resolves once `handler` is listening, with a function that stops it. */
  subscribe(handler: InvalidationHandler): Promise<() => Promise<void>>;
}

/** Limits on messages read from a bus, exported as data. */
export const INVALIDATION_MESSAGE_LIMITS = {
  /** Largest raw message accepted, in characters. */
  maxMessageLength: 1_048_576,
  /** Most keys in one `delete` message; publishers split longer lists. */
  maxKeys: 1000,
  /** Longest `source` id. */
  maxSourceLength: 128,
} as const;

const isBoundedString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/**
 * Parses and checks a message from the wire. Anything else on the channel (another program, a
 * truncated write) yields `undefined` rather than an exception or a half-trusted object.
 */
export function parseInvalidationMessage(raw: string): InvalidationMessage | undefined {
  if (raw.length > INVALIDATION_MESSAGE_LIMITS.maxMessageLength) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { source, type, keys, pattern } = data as Record<string, unknown>;
  if (!isBoundedString(source, INVALIDATION_MESSAGE_LIMITS.maxSourceLength)) return undefined;
  if (type === 'delete') {
    if (!Array.isArray(keys) || keys.length > INVALIDATION_MESSAGE_LIMITS.maxKeys) return undefined;
    const valid = keys.every((key) => isBoundedString(key, CACHE_KEY_LIMITS.maxKeyLength));
    return valid ? { source, type, keys: keys } : undefined;
  }
  if (type === 'clear' && isBoundedString(pattern, GLOB_PATTERN_LIMITS.maxLength)) {
    return { source, type, pattern };
  }
  return undefined;
}

/** Splits a key list into messages no longer than the receivers accept. */
export function deleteMessages(source: string, keys: readonly string[]): InvalidationMessage[] {
  const messages: InvalidationMessage[] = [];
  for (let start = 0; start < keys.length; start += INVALIDATION_MESSAGE_LIMITS.maxKeys) {
    messages.push({
      source,
      type: 'delete',
      keys: keys.slice(start, start + INVALIDATION_MESSAGE_LIMITS.maxKeys),
    });
  }
  return messages;
}

/**
 * A bus inside one process: for a single instance and for tests with several caches. Delivery is
 * synchronous; a handler that throws does not stop the others.
 */
export function createInProcessInvalidationBus(): InvalidationBus {
  const handlers = new Set<InvalidationHandler>();
  return {
    publish(message) {
      for (const handler of [...handlers]) {
        try {
          handler(message);
        } catch {
          // One broken subscriber must not keep the message from the rest.
        }
      }
      return Promise.resolve();
    },
    subscribe(handler) {
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const subscription: InvalidationHandler = (message) => {
        handler(message);
      };
      handlers.add(subscription);
      return Promise.resolve(() => {
        handlers.delete(subscription);
        return Promise.resolve();
      });
    },
  };
}
