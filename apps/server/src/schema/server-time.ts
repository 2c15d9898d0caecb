import { builder } from './builder.ts';

/** Proves the subscription path (graphql-ws and SSE) end to end through the same plugins. */
builder.subscriptionField('serverTime', (t) =>
  t.field({
    authScopes: { public: true },
    type: 'DateTime',
    description: 'The server clock, once a second (default) or every `intervalMs`.',
    args: { intervalMs: t.arg.int({ required: false, defaultValue: 1000 }) },
    subscribe: async function* (_root, args) {
      const intervalMs = Math.min(60_000, Math.max(100, args.intervalMs ?? 1000));
      for (;;) {
        yield new Date();
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
    resolve: (date: Date) => date,
  }),
);
