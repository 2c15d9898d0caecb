import SchemaBuilder from '@pothos/core';
import { parse, subscribe } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessDeniedError,
  authScopesFor,
  declaredAccessOf,
  isGranted,
  requiredRoleOf,
  rootFieldAccess,
  scopeAuthOptions,
} from './auth-scopes.ts';
import type { AuthScopes } from './auth-scopes.ts';
import type { Principal } from './principal.ts';
import { ROLES } from './roles.ts';

interface TestContext {
  principal: Principal;
  publicDashboard: boolean;
}

const anonymous: Principal = { kind: 'anonymous', ip: '::1' };
const keyOf = (role: (typeof ROLES)[number], name = 'ci-bot'): Principal => ({
  kind: 'key',
  keyId: 1,
  name,
  role,
  rateLimitPolicy: null,
  ip: '::1',
});

/**
 * A schema built the way the app's builder will be, through the real plugin. The plugin is loaded
 * by a non-literal import: importing its types here would make `scopeAuth` a required option of
 * the app's builder before the app registers the plugin (see `auth-scopes.ts`).
 */
async function buildTestSchema(): Promise<GraphQLSchema> {
  const pluginName = '@pothos/plugin-scope-auth';
  const { default: ScopeAuthPlugin } = (await import(/* @vite-ignore */ pluginName)) as {
    default: string;
  };
  const builder = new SchemaBuilder<{ Context: TestContext; AuthScopes: AuthScopes }>({
    plugins: [ScopeAuthPlugin],
    scopeAuth: scopeAuthOptions<TestContext>({
      principalOf: (context) => context.principal,
      publicDashboardOf: (context) => context.publicDashboard,
    }),
  } as never);
  const rule = (authScopes: Partial<AuthScopes>, value = 'ok') => ({
    authScopes,
    resolve: () => value,
  });
  builder.queryType({
    fields: (t) => ({
      flavors: t.string(rule({ public: true })),
      metrics: t.string(rule({ viewer: true })),
      channels: t.string(rule({ admin: true })),
      undeclared: t.string({ resolve: () => 'open' }),
    }),
  });
  builder.mutationType({
    fields: (t) => ({
      clearCache: t.string(rule({ operator: true })),
      updateRule: t.string(rule({ admin: true })),
    }),
  });
  const ticks = {
    type: 'String',
    authScopes: { viewer: true },
    subscribe: async function* () {
      await Promise.resolve();
      yield 'tick';
    },
    resolve: (value: string) => value,
  } as const;
  builder.subscriptionType({ fields: (t) => ({ ticks: t.field(ticks) }) });
  return builder.toSchema();
}

describe('authScopesFor', () => {
  it('gives each role its own scope and every lower one; anonymous only public', () => {
    const off = { publicDashboard: false };
    expect(authScopesFor(anonymous, off)).toEqual({
      public: true,
      viewer: false,
      operator: false,
      admin: false,
    });
    expect(authScopesFor(keyOf('viewer'), off)).toEqual({
      public: true,
      viewer: true,
      operator: false,
      admin: false,
    });
    expect(authScopesFor(keyOf('operator'), off)).toMatchObject({ viewer: true, operator: true });
    expect(authScopesFor(keyOf('admin'), off)).toEqual({
      public: true,
      viewer: true,
      operator: true,
      admin: true,
    });
  });

  it('opens viewer (dashboard) data to anonymous callers only with PUBLIC_DASHBOARD', () => {
    expect(authScopesFor(anonymous, { publicDashboard: true })).toEqual({
      public: true,
      viewer: true,
      operator: false,
      admin: false,
    });
  });
});

describe('scope auth through the real Pothos plugin and yoga', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildTestSchema();
  });

  const run = async (query: string, principal: Principal, publicDashboard = false) => {
    const yoga = createYoga<object, TestContext>({
      schema,
      logging: false,
      context: () => ({ principal, publicDashboard }),
    });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  };

  it('answers UNAUTHENTICATED with what is needed when no key was sent', async () => {
    const result = await run('mutation { clearCache }', anonymous);
    expect(result.errors).toEqual([
      {
        message: 'Mutation.clearCache needs an operator key (x-api-key); no key was sent',
        locations: [{ line: 1, column: 12 }],
        path: ['clearCache'],
        extensions: { code: 'UNAUTHENTICATED', requiredRole: 'operator' },
      },
    ]);
  });

  it('tells a caller whose key failed, without saying whether it exists, as UNAUTHENTICATED', async () => {
    for (const rejectedKey of ['expired', 'revoked', 'unknown', 'malformed'] as const) {
      const result = await run('{ metrics }', { ...anonymous, rejectedKey });
      expect(result.errors?.[0]).toMatchObject({
        message: 'Query.metrics needs a viewer key (x-api-key); invalid or revoked key',
        extensions: { code: 'UNAUTHENTICATED', requiredRole: 'viewer' },
      });
    }
  });

  it('answers FORBIDDEN naming the caller when the role is too low', async () => {
    const result = await run('mutation { updateRule }', keyOf('operator'));
    expect(result.errors?.[0]).toMatchObject({
      message:
        'Mutation.updateRule needs an admin key (x-api-key); you are authenticated as operator "ci-bot"',
      extensions: { code: 'FORBIDDEN', role: 'operator', requiredRole: 'admin' },
    });
  });

  it('serves public fields to everyone and dashboard fields anonymously only when enabled', async () => {
    expect(await run('{ flavors }', anonymous)).toEqual({ data: { flavors: 'ok' } });
    expect((await run('{ metrics }', anonymous)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    expect(await run('{ metrics }', anonymous, true)).toEqual({ data: { metrics: 'ok' } });
    // The public dashboard never opens admin data.
    expect((await run('{ channels }', anonymous, true)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('lets each role do exactly what the declared scopes say (generated matrix)', async () => {
    const fields = rootFieldAccess(schema).filter(
      (entry) => entry.type !== 'Subscription' && entry.access.kind === 'scopes',
    );
    for (const principal of [anonymous, ...ROLES.map((role) => keyOf(role))]) {
      for (const { type, field, access } of fields) {
        const result = await run(
          `${type === 'Mutation' ? 'mutation' : 'query'} { ${field} }`,
          principal,
        );
        const granted = isGranted(access, authScopesFor(principal, { publicDashboard: false }));
        const code = result.errors?.[0]?.extensions?.['code'];
        const who = principal.kind === 'key' ? principal.role : 'anonymous';
        expect(code, `${who} on ${type}.${field}`).toBe(
          granted ? undefined : who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        );
      }
    }
  });

  it('checks subscriptions when they start', async () => {
    const start = (principal: Principal) =>
      subscribe({
        schema,
        document: parse('subscription { ticks }'),
        contextValue: { principal, publicDashboard: false },
      });
    const refused = await start(anonymous);
    expect(Symbol.asyncIterator in refused).toBe(false);
    expect((refused as { errors?: { extensions: unknown }[] }).errors?.[0]?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      requiredRole: 'viewer',
    });
    const allowed = await start(keyOf('viewer'));
    if (!(Symbol.asyncIterator in allowed)) throw new Error('expected a stream');
    expect((await allowed.next()).value).toEqual({ data: { ticks: 'tick' } });
    await allowed.return();
  });

  it('reports what each root field declares, so a field without a rule is caught', () => {
    const access = Object.fromEntries(
      rootFieldAccess(schema).map((entry) => [`${entry.type}.${entry.field}`, entry.access]),
    );
    expect(access).toEqual({
      'Query.flavors': { kind: 'scopes', scopes: ['public'] },
      'Query.metrics': { kind: 'scopes', scopes: ['viewer'] },
      'Query.channels': { kind: 'scopes', scopes: ['admin'] },
      'Query.undeclared': { kind: 'none' },
      'Mutation.clearCache': { kind: 'scopes', scopes: ['operator'] },
      'Mutation.updateRule': { kind: 'scopes', scopes: ['admin'] },
      'Subscription.ticks': { kind: 'scopes', scopes: ['viewer'] },
    });
    const undeclared = schema.getQueryType()?.getFields()['undeclared'];
    if (undeclared === undefined) throw new Error('missing field');
    expect(declaredAccessOf(undeclared)).toEqual({ kind: 'none' });
  });
});

describe('requiredRoleOf and accessDeniedError', () => {
  it('takes the least role of an any-check and the highest of an all-check', () => {
    const scope = (name: string) => ({
      kind: 'AuthScope',
      scope: name,
      parameter: true,
      error: null,
    });
    expect(
      requiredRoleOf({ kind: 'AnyAuthScopes', failures: [scope('admin'), scope('operator')] }),
    ).toBe('operator');
    expect(
      requiredRoleOf({ kind: 'AllAuthScopes', failures: [scope('viewer'), scope('admin')] }),
    ).toBe('admin');
    expect(requiredRoleOf({ kind: 'AuthScopeFunction' })).toBeNull();
  });

  it('still explains itself when the failure names no role', () => {
    const error = accessDeniedError(
      keyOf('viewer'),
      { parentType: { name: 'Query' } as never, fieldName: 'report' },
      { failure: { kind: 'AuthScopeFunction' } },
    );
    expect(error.message).toBe(
      'Query.report is not available to this caller; you are authenticated as viewer "ci-bot"',
    );
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', role: 'viewer' });
  });
});
