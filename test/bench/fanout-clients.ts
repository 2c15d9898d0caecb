/**
 * A client process of the fan-out benchmark (`fanout.bench.ts` forks two): holds its share of the
 * graphql-ws subscribers, one socket and one subscription each, and records when every message
 * arrived on the machine's wall clock (`performance.timeOrigin + performance.now()`), which the
 * server processes share. Driven over the IPC channel by {@link FanoutCommand}s.
 */
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What the benchmark asks a client process to do. */
export type FanoutCommand =
  | { type: 'open'; url: string; query: string; count: number }
  | { type: 'drain' }
  | { type: 'close' };

/** What a client process answers. */
export type FanoutReply =
  | {
      type: 'opened';
      open: number;
      failed: number;
      /** Connections that had to be made again (see {@link ATTEMPTS}). */
      retries: number;
      payloadBytes: number;
      firstError?: string;
    }
  | { type: 'drained'; deliveries: Record<string, number[]> }
  | { type: 'closed' };

/** Sockets opened at once: the server's accept backlog is 511. */
const OPENING_AT_ONCE = 200;
/**
 * Attempts per subscriber: on a starved machine a server can miss graphql-ws' 3 s window for
 * `connection_init` and close the socket (4408); such a subscriber connects again.
 */
const ATTEMPTS = 3;

const wallClock = (): number => performance.timeOrigin + performance.now();

let clients: Client[] = [];
/** Receive instants of every message, by the `at` of the snapshot it carried. */
let deliveries = new Map<number, number[]>();
let payloadBytes = 0;
/** Subscriptions that received their first message. */
let openCount = 0;

/**
 * The `at` of a message (`{ data: { snapshot: { at } } }`) in ms since the epoch, the key
 * deliveries are grouped by: Taurine sends a DateTime (ISO string), plain yoga a number.
 */
function atOf(result: unknown): number | undefined {
  const data = (result as { data?: { snapshot?: { at?: unknown } } }).data;
  const at = data?.snapshot?.at;
  if (typeof at === 'number') return at;
  const parsed = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Opens one socket with one subscription; resolves at its first message, or with its error. */
function openOne(url: string, query: string): Promise<string | null> {
  return new Promise((settle) => {
    let first = true;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: (error) => {
        const { code, reason } = error as { code?: number; reason?: string };
        if (first) settle(`socket closed: ${String(code ?? error)} ${reason ?? ''}`);
        first = false;
      },
    });
    clients.push(client);
    client.subscribe(
      { query },
      {
        next: (result) => {
          const receivedAt = wallClock();
          const at = atOf(result);
          if (at === undefined) {
            if (first) settle(`message without snapshot: ${JSON.stringify(result).slice(0, 200)}`);
            first = false;
            return;
          }
          let list = deliveries.get(at);
          if (list === undefined) deliveries.set(at, (list = []));
          list.push(receivedAt);
          if (first) {
            payloadBytes = JSON.stringify(result).length;
            openCount += 1;
            settle(null);
          }
          first = false;
        },
        error: (error) => {
          if (first) settle(`error: ${JSON.stringify(error).slice(0, 300)}`);
          first = false;
        },
        complete: () => undefined,
      },
    );
  });
}

async function open(url: string, query: string, count: number): Promise<FanoutReply> {
  let failed = 0;
  let retries = 0;
  let firstError: string | undefined;
  for (let start = 0; start < count; start += OPENING_AT_ONCE) {
    const batch = Array.from({ length: Math.min(OPENING_AT_ONCE, count - start) }, async () => {
      let error: string | null = null;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        error = await openOne(url, query);
        if (error === null) break;
        retries += 1;
      }
      return error;
    });
    for (const error of await Promise.all(batch)) {
      if (error === null) continue;
      failed += 1;
      firstError ??= error;
    }
  }
  return {
    type: 'opened',
    open: openCount,
    failed,
    retries,
    payloadBytes,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

async function handle(command: FanoutCommand): Promise<FanoutReply> {
  switch (command.type) {
    case 'open':
      return open(command.url, command.query, command.count);
    case 'drain': {
      const drained = Object.fromEntries([...deliveries].map(([at, times]) => [String(at), times]));
      deliveries = new Map();
      return { type: 'drained', deliveries: drained };
    }
    case 'close':
      await Promise.all(
        clients.map(async (client) => {
          await client.dispose();
        }),
      );
      clients = [];
      openCount = 0;
      deliveries = new Map();
      return { type: 'closed' };
  }
}

process.on('message', (command: FanoutCommand) => {
  void handle(command).then((reply) => process.send!(reply));
});
