import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { GraphQLInputType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../schema/index.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { authScopesFor, isGranted, rootFieldAccess } from './auth-scopes.ts';
import type { Principal } from './principal.ts';

/**
 * The role matrix, generated from the schema: every root query and mutation is called with no
 * key and with a viewer, operator and admin key, and must be refused exactly when its declared
 * `authScopes` say so. A new root field without `authScopes` fails the first test.
 */

/** A syntactically valid literal for an input type (values need not make sense). */
function literalFor(type: GraphQLInputType, depth = 0): string {
  if (isNonNullType(type)) return literalFor(type.ofType, depth);
  if (isListType(type)) return `[${literalFor(type.ofType, depth)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return `{ ${fields.map((field) => `${field.name}: ${literalFor(field.type, depth + 1)}`).join(', ')} }`;
  }
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'DateTime':
      return '"2026-01-01T00:00:00.000Z"';
    default:
      return '"matrix"';
  }
}

function operationFor(schema: GraphQLSchema, type: 'Query' | 'Mutation', name: string): string {
  const root = type === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[name]!;
  const args = field.args
    .filter((arg) => isNonNullType(arg.type))
    .map((arg) => `${arg.name}: ${literalFor(arg.type)}`);
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${type === 'Query' ? 'query' : 'mutation'} { ${name}${args.length > 0 ? `(${args.join(', ')})` : ''}${selection} }`;
}

let app: TestApp;
const keys: Record<'viewer' | 'operator' | 'admin', string> = {
  viewer: '',
  operator: '',
  admin: '',
};
beforeAll(async () => {
  app = await createTestApp({ RATE_LIMIT_ANONYMOUS: '100000' });
  keys.viewer = await app.createKey('viewer');
  keys.operator = await app.createKey('operator');
  keys.admin = await app.createKey('admin');
});
afterAll(() => app.dispose());

const schema = buildSchema();
const fields = rootFieldAccess(schema);

describe('role matrix', () => {
  it('every root field declares who may use it', () => {
    expect(
      fields.filter((field) => field.access.kind !== 'scopes').map((f) => `${f.type}.${f.field}`),
    ).toEqual([]);
  });

  const callers: { label: string; key: string | null; principal: Principal }[] = [
    { label: 'no key', key: null, principal: { kind: 'anonymous', ip: '127.0.0.1' } },
    ...(['viewer', 'operator', 'admin'] as const).map((role) => ({
      label: role,
      key: role,
      principal: {
        kind: 'key',
        keyId: 0,
        name: role,
        role,
        rateLimitPolicy: null,
        ip: '127.0.0.1',
      } as const,
    })),
  ];

  const cases = fields
    .filter((field) => field.type !== 'Subscription')
    .flatMap((field) => callers.map((caller) => ({ ...field, caller })));

  it.each(cases)('$type.$field as $caller.label', async ({ type, field, access, caller }) => {
    const expectedAllowed = isGranted(
      access,
      authScopesFor(caller.principal, { publicDashboard: false }),
    );
    const apiKey = caller.key === null ? '' : keys[caller.key as keyof typeof keys];
    const result = await app.graphql(
      operationFor(schema, type as 'Query' | 'Mutation', field),
      undefined,
      {
        'x-api-key': apiKey,
      },
    );
    const codes = (result.errors ?? []).map((error) => error.extensions?.['code']);
    const refused = codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN');
    expect(refused, JSON.stringify(result.errors)).toBe(!expectedAllowed);
    if (refused) {
      expect(codes[0]).toBe(caller.key === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});
