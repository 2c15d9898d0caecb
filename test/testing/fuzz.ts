/**
 * What the fuzz suites share (`test/reliability/fuzz-*.test.ts`): a real app on a real socket, a
 * probe that fails on any 5xx or malformed JSON, the seeded property runner and hostile values.
 * Seeded and bounded in time; `FUZZ_SEED=<n>` replays a run.
 */
import fc from 'fast-check';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';

export const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_127);
/** Time each property may take; a file's properties stay under ~20 s together. */
export const PROPERTY_BUDGET_MS = 3_000;
export const MAX_BODY_BYTES = 1024 * 1024;

export const jsonHeaders = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};

export interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

const preview = (body: Probe['body']): string => {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : `<${body.length} bytes>`;
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

export function isGraphQLResponse(body: unknown): boolean {
  const one = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    ('data' in value || ('errors' in value && Array.isArray(value.errors)));
  return Array.isArray(body) ? body.every(one) : one(body);
}

/** A fuzzing target: the app, its address and a probe that counts what it sent. */
export interface FuzzTarget {
  app: TestApp;
  url: string;
  port: number;
  /**
   * Sends one probe and checks the answer: no 5xx, JSON when it says JSON, GraphQL's shape, no
   * masked unexpected error.
   */
  probe(probe: Probe): Promise<void>;
  /** Probes sent so far. */
  requests(): number;
  /** Server faults counted in `api.errors` (what the error-rate rule sees); null for none. */
  serverErrors(): number | null;
}

/**
 * Starts a real app for fuzzing. The fuzzer sends thousands of anonymous requests, so the
 * per-address limit is lifted; `env` adds to that.
 */
export async function startFuzzTarget(
  env: Record<string, string> = {},
  defaults: Parameters<typeof createTestApp>[1] = {},
): Promise<FuzzTarget> {
  const app = await createTestApp({ RATE_LIMIT_ANONYMOUS: '1000000', ...env }, defaults);
  const { url, port } = await app.start();
  let requests = 0;
  return {
    app,
    url,
    port,
    requests: () => requests,
    serverErrors: () => app.services.metrics.registry.stats('api.errors', { type: 'server' }).sum,
    async probe({ method, path, headers = {}, body }) {
      requests++;
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        body:
          method === 'GET' || method === 'HEAD' || body === undefined
            ? undefined
            : typeof body === 'string'
              ? body
              : new Uint8Array(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      const context = `${method} ${path.slice(0, 200)} ${preview(body)} -> ${response.status} ${text.slice(0, 300)}`;
      if (response.status >= 500) throw new Error(`5xx: ${context}`);
      const type = response.headers.get('content-type') ?? '';
      if (/json/i.test(type) && method !== 'HEAD' && text !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new Error(`malformed JSON: ${context}`);
        }
        const graphql = path.split('?')[0] === '/graphql' && response.status !== 413;
        if (graphql && !isGraphQLResponse(parsed)) {
          throw new Error(`not a GraphQL response: ${context}`);
        }
        // A masked unexpected error is a server fault even in a 200: the error-rate rule counts it.
        if (text.includes('"INTERNAL_SERVER_ERROR"')) {
          throw new Error(`server fault (masked error): ${context}`);
        }
      }
    },
  };
}

export const run = <Ts extends unknown[]>(property: fc.IAsyncProperty<Ts>) =>
  fc.assert(property, {
    seed: SEED,
    numRuns: 5_000,
    plugins: [fc.interruptAfterTimeLimit(PROPERTY_BUDGET_MS)],
    endOnFailure: true,
  });

/**
 * A large string that JSON.stringify writes in full but counterexamples print as `label`, so a
 * failure report stays readable.
 */
export interface Labelled {
  toJSON(): string;
  [fc.toStringMethod](): string;
}

export function labelled(text: string, label: string): Labelled {
  return { toJSON: () => text, [fc.toStringMethod]: () => label };
}

export const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud83d', '\u0000', '\u202e', '\ufeff'];

/** Short hostile strings: unicode (lone surrogates, controls, RTL), globs, prototype names. */
export const smallString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...LONE_SURROGATES, '', ' ', '*', '?*[', '../../etc/passwd'),
  },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString') },
);

/** Up to ~800 KB once JSON-escaped: near the 1 MiB body limit. */
export const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('x', 'é', '😀', '\\', '"'))
  .map(([length, unit]) => labelled(unit.repeat(length), `${JSON.stringify(unit)} × ${length}`));

export const hostileString: fc.Arbitrary<string | Labelled> = fc.oneof(
  { weight: 6, arbitrary: smallString },
  { weight: 1, arbitrary: hugeString },
);

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -0, 0.5),
);

/** Any JSON value, with prototype-pollution keys mixed in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .tuple(
        fc.dictionary(smallString, tie('value'), { maxKeys: 4 }),
        fc.option(tie('value'), { nil: undefined }),
      )
      .map(([record, polluted]) => withProtoKeys(record, polluted)),
  ),
})).value;

/** Adds own `__proto__` and `constructor` keys, which JSON.stringify then writes out. */
export function withProtoKeys(
  record: Record<string, unknown>,
  value: unknown,
): Record<string, unknown> {
  if (value === undefined) return record;
  const copy = { ...record };
  Object.defineProperty(copy, '__proto__', { value, enumerable: true, configurable: true });
  Object.defineProperty(copy, 'constructor', {
    value: { prototype: value },
    enumerable: true,
    configurable: true,
  });
  return copy;
}

/** Every UTF-8 byte as %XX; unlike encodeURIComponent it accepts lone surrogates (as U+FFFD). */
export function percentEncode(value: string): string {
  return Array.from(
    new TextEncoder().encode(value),
    (byte) => `%${byte.toString(16).padStart(2, '0')}`,
  ).join('');
}
