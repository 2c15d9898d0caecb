/**
 * GraphQL-over-HTTP parameters of every JSON type: `query`, `operationName`, `variables` and
 * `extensions` as null, booleans, numbers, strings, arrays and objects, alone and in batches,
 * with both response media types. A wrongly typed parameter once reached code that expected a
 * string (`{"operationName": 1}` → `TypeError: name.slice` → 500, counted as a server error, which
 * paged). Every wrongly typed parameter must be a 400 `BAD_REQUEST`, nothing may be a 5xx, and
 * nothing a client sends may count as a server fault. Seeded and bounded in time.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileJson, run, startFuzzTarget } from '../testing/fuzz.ts';
import type { FuzzTarget } from '../testing/fuzz.ts';

let target: FuzzTarget;

beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  await target.app.dispose();
});

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

const typeOf = (value: unknown): JsonType =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : (typeof value as 'boolean' | 'number' | 'string' | 'object');

/** One value of each JSON type, the awkward ones included. */
const jsonOfEveryType = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, -1.5, 1e308, '', 'Q', '{ __typename }', [], {}),
  fc.constantFrom([1], ['{ __typename }'], { query: '{ __typename }' }, { a: { b: [null] } }),
  hostileJson,
);

/** Which JSON types each parameter accepts (GraphQL over HTTP, §"Request Parameters"). */
const ACCEPTED: Record<string, readonly JsonType[]> = {
  query: ['string'],
  operationName: ['string', 'null'],
  variables: ['object', 'null'],
  extensions: ['object', 'null'],
};

const params = fc.record(
  {
    query: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom('{ __typename }', 'query Q { __typename }') },
      { weight: 3, arbitrary: jsonOfEveryType },
    ),
    operationName: fc.oneof(fc.constantFrom('Q', 'Nope'), jsonOfEveryType),
    variables: jsonOfEveryType,
    extensions: jsonOfEveryType,
  },
  { requiredKeys: [] },
);

const wronglyTyped = (one: Record<string, unknown>): string | null => {
  if (!('query' in one) || one['query'] === null) return 'query missing';
  for (const [name, accepted] of Object.entries(ACCEPTED)) {
    if (name in one && !accepted.includes(typeOf(one[name]))) return name;
  }
  return null;
};

async function post(body: unknown, accept: string) {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const ACCEPTS = ['application/graphql-response+json', 'application/json'] as const;

describe('fuzzing GraphQL parameters of every JSON type (bounded, seeded)', () => {
  it('answers a wrongly typed parameter with 400 BAD_REQUEST and never 5xx', async () => {
    await run(
      fc.asyncProperty(params, fc.constantFrom(...ACCEPTS), async (one, accept) => {
        await target.probe({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify(one),
        });
        const wrong = wronglyTyped(one);
        if (wrong === null) return;
        const { status, body } = await post(one, accept);
        const code = (body as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]
          ?.extensions?.code;
        if (status !== 400 || code !== 'BAD_REQUEST') {
          throw new Error(`${wrong}: ${JSON.stringify(one)} -> ${status} ${JSON.stringify(body)}`);
        }
      }),
    );
  });

  it('survives batches mixing good and wrongly typed operations', async () => {
    await run(
      fc.asyncProperty(fc.array(params, { minLength: 1, maxLength: 5 }), async (batch) => {
        await target.probe({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(batch),
        });
      }),
    );
  });

  it('regression: operationName 1, {}, [] and true are 400s with both media types, not 500s', async () => {
    for (const operationName of [1, {}, [], true]) {
      for (const accept of ACCEPTS) {
        const { status, body } = await post({ query: '{ __typename }', operationName }, accept);
        expect(status, `${JSON.stringify(operationName)} ${accept}`).toBe(400);
        expect(JSON.stringify(body)).toMatch(/operationName.*param to be a string/);
      }
    }
  });

  it('counted nothing a client sent as a server fault, and is still up', async () => {
    expect(target.requests()).toBeGreaterThan(20);
    expect(target.serverErrors()).toBeNull();
    const response = await fetch(`${target.url}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
  });
});
