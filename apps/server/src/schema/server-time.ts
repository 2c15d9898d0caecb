import { builder } from './builder.ts';

/**
 * Shortest `intervalMs`: the field is public, and each subscription costs a timer and a message
 * per interval (subscriptions are also bounded per connection and client, see the README).
 */
export const SERVER_TIME_MIN_INTERVAL_MS = 1000;

/** Proves the subscription path (graphql-ws and SSE) end to end through the same plugins. */
builder.subscriptionField('serverTime', (t) =>
  t.field({
    authScopes: { public: true },
    type: 'DateTime',
    description: `The server clock, once a second (default) or every \`intervalMs\` (at least ${SERVER_TIME_MIN_INTERVAL_MS}, at most 60000; other values are clamped).`,
    args: { intervalMs: t.arg.int({ required: false, defaultValue: 1000 }) },
    subscribe: async function* (_root, args) {
      const intervalMs = Math.min(
        60_000,
        Math.max(SERVER_TIME_MIN_INTERVAL_MS, args.intervalMs ?? 1000),
      );
      for (;;) {
        yield new Date();
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
    resolve: (date: Date) => date,
  }),
);
