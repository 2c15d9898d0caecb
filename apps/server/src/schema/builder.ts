import SchemaBuilder from '@pothos/core';
import type { GraphQLContext } from '../context.ts';

/**
 * The one Pothos builder. It defines no types itself: each type lives in its own file beside its
 * root fields, and `schema/index.ts` imports them all.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Read the calculator catalogue, metrics, alerts and caches.' });
builder.mutationType({ description: 'Record events and operate caches and alerts.' });
builder.subscriptionType({ description: 'Live updates pushed over graphql-ws.' });
