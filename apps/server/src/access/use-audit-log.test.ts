import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED, createAuditRecorder } from './audit.ts';
import type { Principal } from './principal.ts';
import { useAuditLog } from './use-audit-log.ts';

const operator: Principal = {
  kind: 'key',
  keyId: 4,
  name: 'ci-bot',
  role: 'operator',
  rateLimitPolicy: null,
  ip: '::1',
};

const schema = createSchema<{ principal: Principal }>({
  typeDefs: /* GraphQL */ `
    type Query {
      ok: Boolean
    }
    input ChannelInput {
      name: String!
      webhookUrl: String!
    }
    type Mutation {
      clearCache(pattern: String!): Int!
      updateChannel(id: Int!, input: ChannelInput!): Boolean!
      updateRule(id: Int!): Boolean!
      explode: Boolean!
      trackEvent(flavorId: String!): Boolean!
      acknowledge(id: Int!): AcknowledgeResult!
    }
    type Acknowledged {
      id: Int!
    }
    type AcknowledgeActionError {
      message: String!
      code: String!
    }
    union AcknowledgeResult = Acknowledged | AcknowledgeActionError
  `,
  resolvers: {
    Mutation: {
      clearCache: () => 12,
      updateChannel: () => true,
      updateRule: () => {
        throw new GraphQLError('Mutation.updateRule needs an admin key', {
          extensions: { code: 'FORBIDDEN' },
        });
      },
      explode: () => {
        throw new Error('db password is hunter2');
      },
      trackEvent: () => true,
      // A typed failure for even ids: the schema's way of saying "refused, nothing changed".
      acknowledge: (_root: unknown, { id }: { id: number }) =>
        Promise.resolve(
          id % 2 === 0
            ? { message: `alert ${id} is resolved`, code: 'invalid-transition' }
            : { id },
        ),
    },
    AcknowledgeResult: {
      __resolveType: (value: { code?: string }) =>
        value.code === undefined ? 'Acknowledged' : 'AcknowledgeActionError',
    },
  },
});

const createAuditedYoga = (store: Store) =>
  createYoga({
    schema,
    logging: false,
    context: (): { principal: Principal } => ({ principal: operator }),
    plugins: [useAuditLog({ recorder: createAuditRecorder({ repo: store.auditLog }) })],
  });

describe('useAuditLog', () => {
  let root: string;
  let store: Store;
  let yoga: ReturnType<typeof createAuditedYoga>;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'taurine-audit-plugin-'));
    store = await openStore({ dataDir: root });
    await store.migrate();
    yoga = createAuditedYoga(store);
  });
  afterEach(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  const mutate = async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<{ errors?: unknown[] }>;
  };

  it('records each mutation field with actor, variables resolved, secrets redacted, result', async () => {
    await mutate(
      `mutation Change($input: ChannelInput!) {
        cleared: clearCache(pattern: "search:*")
        updateChannel(id: 3, input: $input)
      }`,
      { input: { name: 'ops', webhookUrl: 'https://hooks.slack.com/services/T/B/SECRET' } },
    );
    const entries = await store.auditLog.list({ limit: 10 });
    expect(entries.map(({ id: _id, at: _at, ...entry }) => entry)).toEqual([
      {
        actorName: 'ci-bot',
        actorRole: 'operator',
        action: 'mutation:updateChannel',
        arguments: { id: 3, input: { name: 'ops', webhookUrl: REDACTED } },
        result: 'ok',
        details: null,
      },
      {
        actorName: 'ci-bot',
        actorRole: 'operator',
        action: 'mutation:clearCache',
        arguments: { pattern: 'search:*' },
        result: 'ok',
        details: null,
      },
    ]);
    const raw = await store.db.selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(raw)).not.toContain('SECRET');
  });

  it('records refused and failed attempts with their code, never an internal message', async () => {
    await mutate('mutation { updateRule(id: 1) }');
    await mutate('mutation { explode }');
    const [exploded, refused] = await store.auditLog.list({ limit: 10 });
    expect(refused).toMatchObject({
      action: 'mutation:updateRule',
      result: 'FORBIDDEN',
      details: { message: 'Mutation.updateRule needs an admin key' },
    });
    expect(exploded).toMatchObject({ action: 'mutation:explode', result: 'ERROR', details: null });
    expect(JSON.stringify(exploded)).not.toContain('hunter2');
  });

  it('skips trackEvent, queries and invalid documents', async () => {
    await mutate('mutation { trackEvent(flavorId: "citrus") }');
    await mutate('{ ok }');
    await mutate('mutation { clearCache }');
    await mutate('mutation { nope }');
    expect(await store.auditLog.list({ limit: 10 })).toEqual([]);
  });

  it('follows fragments and records a repeated response key once', async () => {
    await mutate(`
      mutation { ...Ops ... on Mutation { clearCache(pattern: "a") } }
      fragment Ops on Mutation { clearCache(pattern: "a") }
    `);
    const entries = await store.auditLog.list({ limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(['mutation:clearCache']);
  });

  it('records a typed error result as refused with its reason, whatever the selection', async () => {
    await mutate(`mutation {
      done: acknowledge(id: 1) { ... on Acknowledged { id } }
      refused: acknowledge(id: 2) { ... on Acknowledged { id } }
    }`);
    const entries = await store.auditLog.list({ limit: 10 });
    expect(
      entries.map(({ action, arguments: args, result, details }) => ({
        action,
        args,
        result,
        details,
      })),
    ).toEqual([
      {
        action: 'mutation:acknowledge',
        args: { id: 2 },
        result: 'ACKNOWLEDGE_ACTION_ERROR',
        details: { message: 'alert 2 is resolved', code: 'invalid-transition' },
      },
      { action: 'mutation:acknowledge', args: { id: 1 }, result: 'ok', details: null },
    ]);
  });
});
