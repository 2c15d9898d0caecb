import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useRequestParserGuard } from './use-request-parser-guard.ts';

const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }' });
const yogaWith = (guarded: boolean) =>
  createYoga({ schema, logging: false, plugins: guarded ? [useRequestParserGuard()] : [] });

const BAD = [
  '/graphql?query=%7Bok%7D&variables=%7B',
  '/graphql?query=%7Bok%7D&variables==',
  '/graphql?query=%7Bok%7D&extensions=nope',
];

describe('useRequestParserGuard', () => {
  it('answers 400 BAD_REQUEST for unparsable JSON parameters (yoga alone answers 500)', async () => {
    for (const path of BAD) {
      const bare = await yogaWith(false).fetch(`http://localhost${path}`);
      expect(bare.status, `yoga without the guard still answers 500 for ${path}`).toBe(500);

      const response = await yogaWith(true).fetch(`http://localhost${path}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Invalid request: the variables and extensions parameters must be JSON',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    }
    const form = await yogaWith(true).fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7Bok%7D&variables=%7B',
    });
    expect(form.status).toBe(400);
  });

  it('leaves well-formed requests alone', async () => {
    const response = await yogaWith(true).fetch(
      'http://localhost/graphql?query=%7Bok%7D&variables=%7B%7D',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ok: null } });
  });

  it('answers 400 BAD_REQUEST for an operationName that is not a string, in a batch too', async () => {
    const yoga = createYoga({
      schema,
      logging: false,
      batching: true,
      plugins: [useRequestParserGuard()],
    });
    for (const [value, type] of [
      [1, 'number'],
      [{}, 'object'],
      [[], 'array'],
      [true, 'boolean'],
    ] as const) {
      for (const batched of [false, true]) {
        const params = { query: '{ ok }', operationName: value };
        const response = await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(batched ? [{ query: '{ ok }' }, params] : params),
        });
        // yoga answers a batch 200 with one result per operation, the bad one an error.
        expect(response.status, `${type}, batched: ${batched}`).toBe(batched ? 200 : 400);
        expect(JSON.stringify(await response.json())).toContain(
          `Expected \\"operationName\\" param to be a string, but given ${type}.`,
        );
      }
    }
    const named = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { ok }', operationName: 'A' }),
    });
    expect(named.status).toBe(200);
  });

  it('refuses batch items that are not objects before other plugins read them', async () => {
    const yoga = createYoga({
      schema,
      logging: false,
      batching: true,
      plugins: [
        useRequestParserGuard(),
        usePersistedOperations({
          getPersistedOperation: () => null,
          allowArbitraryOperations: () => true,
        }),
      ],
    });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{"query":"{ ok }"}, null, 1]',
    });
    expect(await response.json()).toEqual([
      { data: { ok: null } },
      {
        errors: [
          {
            message: 'Expected params to be an object but given null.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
      {
        errors: [
          {
            message: 'Expected params to be an object but given number.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    ]);
  });
});
