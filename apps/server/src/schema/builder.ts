import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { AuthScopes } from '../access/auth-scopes.ts';
import { scopeAuthOptions } from '../access/auth-scopes.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * The one Pothos builder. It defines no types itself: each type lives in its own file beside its
 * root fields, and `schema/index.ts` imports them all. Every root field declares who may use it
 * with `authScopes` (`public`, `viewer`, `operator`, `admin`); a test fails for a field without.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: scopeAuthOptions<GraphQLContext>({
    principalOf: (context) => context.principal,
    publicDashboardOf: (context) => context.services.config.publicDashboard,
  }),
});

builder.queryType({ description: 'Read the calculator catalogue, metrics, alerts and caches.' });
builder.mutationType({ description: 'Record events and operate caches and alerts.' });
builder.subscriptionType({ description: 'Live updates pushed over graphql-ws.' });
