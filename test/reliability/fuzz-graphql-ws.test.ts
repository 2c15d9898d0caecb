/**
 * graphql-ws fuzzing over real WebSockets: malformed JSON, frames of every JSON type, unknown
 * message types, subscribe before `connection_init`, repeated inits, huge and duplicate ids,
 * subscribe payloads of every type, binary and oversized frames, wrong subprotocols. The server
 * must never crash or drop a socket without a close frame, must never close with 4500
 * (Internal server error: the WebSocket's 5xx), may close only with the protocol's own codes
 * for the client's mistakes, and answers each bad operation with a well-formed `error` message.
 * Seeded and bounded in time; `FUZZ_SEED=<n>` replays a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hostileJson, labelled, run, smallString, startFuzzTarget } from '../testing/fuzz.ts';
import type { FuzzTarget, Labelled } from '../testing/fuzz.ts';
import { waitUntil } from '../testing/wait-until.ts';

/**
 * Close codes a client may provoke: normal, message too big (ws' `maxPayload`), and graphql-ws'
 * 4400 bad request, 4401 unauthorized (subscribe before init), 4403 forbidden, 4406 subprotocol
 * not acceptable, 4409 subscriber already exists, 4429 too many initialisation requests.
 */
const CLIENT_CLOSE_CODES = new Set([1000, 1009, 4400, 4401, 4403, 4406, 4409, 4429]);
const SENTINEL_ID = 'fuzz-sentinel';

let target: FuzzTarget;
let wsUrl: string;
let sockets = 0;

beforeAll(async () => {
  target = await startFuzzTarget({ PUBLIC_DASHBOARD: 'true' });
  wsUrl = `${target.url.replace('http', 'ws')}/graphql`;
});
afterAll(async () => {
  await target.app.dispose();
});

/** A frame as sent: text, bytes, or a message object (serialised at send time, so large values print as their labels). */
type Frame = string | Buffer | Labelled | { message: unknown };

const serialise = (frame: Frame): string | Buffer =>
  typeof frame === 'string' || Buffer.isBuffer(frame)
    ? frame
    : 'message' in frame
      ? JSON.stringify(frame.message)
      : frame.toJSON();

/** JSON for failure messages: long strings cut, so a counterexample stays readable. */
const brief = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}… (${v.length} chars)` : v,
  ).slice(0, 1500);

const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('1', '2', 'a') },
  { weight: 2, arbitrary: smallString.filter((one) => one !== SENTINEL_ID) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 10_000, max: 300_000 })
      .map((length) => labelled('i'.repeat(length), `id of ${length} chars`)),
  },
  { weight: 1, arbitrary: hostileJson },
);

const QUERIES = [
  '{ __typename }',
  'subscription { serverTime(intervalMs: 1000) }',
  'subscription { snapshot { at healthScore } }',
  'subscription { noSuchField }',
  'query Q { flavors(first: 1) { totalCount } }',
  '{',
  'subscription {',
  '"""',
  'mutation { __typename }',
  'subscription A { serverTime } subscription B { serverTime }',
];

const payload = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        query: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...QUERIES) }, hostileJson),
        operationName: fc.oneof(fc.constantFrom('A', 'Q', 'Nope'), hostileJson),
        variables: hostileJson,
        extensions: hostileJson,
      },
      { requiredKeys: ['query'] },
    ),
  },
  { weight: 1, arbitrary: hostileJson },
);

const TYPES = ['connection_init', 'ping', 'pong', 'subscribe', 'complete'] as const;
const message = fc.oneof(
  fc.record({ type: fc.constant('subscribe'), id, payload }),
  fc.record({ type: fc.constant('complete'), id }),
  fc.record({ type: fc.constantFrom(...TYPES), payload: hostileJson }, { requiredKeys: ['type'] }),
  // Unknown, server-only and legacy (subscriptions-transport-ws) types.
  fc.record({
    type: fc.oneof(
      fc.constantFrom('connection_ack', 'next', 'error', 'start', 'stop', 'connection_terminate'),
      smallString,
      hostileJson,
    ),
    id: fc.option(id, { nil: undefined }),
    payload: fc.option(hostileJson, { nil: undefined }),
  }),
);

const frame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 6, arbitrary: message.map((one) => ({ message: one })) },
  { weight: 1, arbitrary: hostileJson.map((value) => ({ message: value })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{', '', 'null', '{"type":', '\u0000', '{"type":"ping"}{}', '[]'),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  {
    weight: 1,
    arbitrary: fc.constant(labelled(`"${'x'.repeat(1024 * 1024 + 10)}"`, 'a frame over 1 MiB')),
  },
);

interface Session {
  init: 'first' | 'none' | 'twice';
  protocol: string | null;
  frames: Frame[];
}

const session = fc.record({
  init: fc.constantFrom('first', 'first', 'first', 'none', 'twice'),
  protocol: fc.oneof(
    { weight: 8, arbitrary: fc.constant('graphql-transport-ws') },
    { weight: 1, arbitrary: fc.constantFrom('graphql-ws', 'x', null) },
  ),
  frames: fc.array(frame, { maxLength: 6 }),
});

interface Received {
  messages: { type?: unknown; id?: unknown; payload?: unknown }[];
  close: { code: number; reason: string } | null;
  /** What the client library reported (e.g. a handshake it had to fail). */
  clientError: string | null;
}

/** Plays one session on a fresh socket and returns what the server sent, once it settled. */
async function play({ init, protocol, frames }: Session): Promise<Received> {
  sockets++;
  const socket = new WebSocket(wsUrl, protocol === null ? [] : [protocol]);
  const received: Received = { messages: [], close: null, clientError: null };
  socket.on('message', (data: Buffer) => {
    try {
      received.messages.push(JSON.parse(data.toString()) as Received['messages'][number]);
    } catch {
      received.messages.push({ type: `unparsable: ${data.toString().slice(0, 100)}` });
    }
  });
  socket.on('close', (code: number, reason: Buffer) => {
    received.close = { code, reason: reason.toString() };
  });
  socket.on('error', (error) => {
    received.clientError = error.message;
  });
  await waitUntil(() => socket.readyState !== WebSocket.CONNECTING, 10_000);
  const has = (type: string, of?: string) =>
    received.messages.some((m) => m.type === type && (of === undefined || m.id === of));
  const send = (data: Frame) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(serialise(data));
  };
  if (init !== 'none') {
    send(JSON.stringify({ type: 'connection_init' }));
    await waitUntil(() => received.close !== null || has('connection_ack'), 10_000);
  }
  if (init === 'twice') send(JSON.stringify({ type: 'connection_init' }));
  for (const one of frames) send(one);
  // A last operation: once it is answered, everything sent before it was handled.
  const acked = has('connection_ack');
  send(
    JSON.stringify(
      acked
        ? { type: 'subscribe', id: SENTINEL_ID, payload: { query: '{ __typename }' } }
        : { type: 'ping' },
    ),
  );
  await waitUntil(
    () =>
      received.close !== null ||
      (acked ? has('complete', SENTINEL_ID) || has('error', SENTINEL_ID) : has('pong')),
    10_000,
  );
  socket.terminate();
  return received;
}

function check(session: Session, { messages, close, clientError }: Received): void {
  const context = () => `${brief(session)} -> ${brief({ close, clientError, messages })}`;
  // RFC 6455 §4.1: offered only subprotocols the server does not speak, the server names none
  // and the client must fail the handshake (1006). That is graphql-ws refusing, as it should.
  const refusedSubprotocol =
    session.protocol !== null &&
    session.protocol !== 'graphql-transport-ws' &&
    clientError === 'Server sent no subprotocol';
  if (refusedSubprotocol) return;
  if (close !== null && !CLIENT_CLOSE_CODES.has(close.code)) {
    throw new Error(`closed with ${close.code}: ${context()}`);
  }
  if (close !== null && close.code >= 4000 && close.reason === '') {
    throw new Error(`closed without a reason: ${context()}`);
  }
  for (const one of messages) {
    if (one.type !== 'error') continue;
    const valid =
      Array.isArray(one.payload) &&
      one.payload.length > 0 &&
      one.payload.every(
        (error: unknown) =>
          typeof error === 'object' &&
          error !== null &&
          typeof (error as { message?: unknown }).message === 'string',
      );
    if (!valid) throw new Error(`malformed error message: ${context()}`);
    const text = JSON.stringify(one.payload);
    if (text.includes('INTERNAL_SERVER_ERROR')) throw new Error(`server fault: ${context()}`);
  }
}

describe('fuzzing graphql-ws (bounded, seeded)', () => {
  it('answers hostile frames with protocol close codes or error messages, never 4500', async () => {
    await run(
      fc.asyncProperty(session, async (one) => {
        check(one, await play(one));
      }),
    );
  });

  it('regression: a syntax error in one subscribe is answered with an error, not 4500', async () => {
    const received = await play({
      init: 'first',
      protocol: 'graphql-transport-ws',
      frames: [JSON.stringify({ type: 'subscribe', id: '1', payload: { query: '{' } })],
    });
    expect(received.close).toBeNull();
    const error = received.messages.find((m) => m.type === 'error' && m.id === '1');
    expect(JSON.stringify(error?.payload)).toMatch(/Syntax Error/);
  });

  it('regression: protocol mistakes close with the graphql-ws code that names them', async () => {
    const subscribe = (id: string) =>
      JSON.stringify({ type: 'subscribe', id, payload: { query: '{ __typename }' } });
    const cases: [Session, number][] = [
      [{ init: 'none', protocol: 'graphql-transport-ws', frames: [subscribe('1')] }, 4401],
      [{ init: 'twice', protocol: 'graphql-transport-ws', frames: [] }, 4429],
      [{ init: 'first', protocol: 'graphql-transport-ws', frames: ['{'] }, 4400],
      [
        {
          init: 'first',
          protocol: 'graphql-transport-ws',
          frames: [JSON.stringify({ type: 'subscribe', id: '1', payload: { query: 1 } })],
        },
        4400,
      ],
      [
        {
          init: 'first',
          protocol: 'graphql-transport-ws',
          frames: [
            JSON.stringify({
              type: 'subscribe',
              id: '1',
              payload: { query: 'subscription { serverTime(intervalMs: 1000) }' },
            }),
            subscribe('1'),
          ],
        },
        4409,
      ],
      [
        {
          init: 'first',
          protocol: 'graphql-transport-ws',
          frames: [JSON.stringify({ type: 'x' })],
        },
        4400,
      ],
    ];
    for (const [one, code] of cases) {
      const received = await play(one);
      expect(received.close?.code, JSON.stringify(one)).toBe(code);
    }
  });

  it('is still up and healthy afterwards, with no server fault counted', async () => {
    expect(sockets).toBeGreaterThan(10);
    expect(target.serverErrors()).toBeNull();
    const response = await fetch(`${target.url}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
  });
});
