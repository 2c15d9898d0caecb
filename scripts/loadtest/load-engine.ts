/**
 * The load engine: virtual users, each following a journey in a loop, sending GraphQL operations
 * through one undici connection pool, and the samples they leave. The number of users is set from
 * outside (phases, stress steps); stopping a user lets it finish its current request.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { JOURNEYS } from './journeys.ts';
import type { JourneyContext } from './journeys.ts';
import type { Sample } from './run-stats.ts';
import type { JourneyMix } from './scenario.ts';

/**
 * Requests in a row that got no HTTP answer (refused, reset) after which the run stops: the server
 * is gone, and hammering a dead port proves nothing.
 */
export const MAX_CONSECUTIVE_NETWORK_FAILURES = 20;

/** How long one request may wait for its answer before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Options of {@link createLoadEngine}. */
export interface LoadEngineOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  endpoint: URL;
  /** Sent as `x-api-key` by journeys that read dashboard data. */
  apiKey?: string | undefined;
  journeys: readonly JourneyMix[];
  /** Connections the pool may open: at least the most users the run reaches. */
  connections: number;
  /** @default Math.random */
  random?: () => number;
}

/** A running load: set its users, read its samples, stop it. */
export interface LoadEngine {
  /** Every finished request, in the order they ended. */
  readonly samples: readonly Sample[];
  /** Error messages and how often each was seen. */
  readonly errorMessages: ReadonlyMap<string, number>;
  /** Users running now. */
  users(): number;
  /** Starts or stops users until `count` run. */
  setUsers(count: number): void;
  /** Set when the run must end early (the server stopped answering). */
  stopReason(): string | undefined;
  /** Samples that started at or after `from` (scans from the newest). */
  samplesSince(from: number): Sample[];
  /** Stops every user, waits for them and closes the pool. */
  close(): Promise<void>;
}

interface VirtualUser {
  controller: AbortController;
  finished: Promise<void>;
}

/** The cause's message (`connect ECONNREFUSED 127.0.0.1:4000`) rather than a generic one. */
export function networkMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  if (error instanceof AggregateError) return error.errors.map(String).join('; ');
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return String(error);
}

/** Picks a journey by weight. */
function pickJourney(mix: readonly JourneyMix[], random: () => number): JourneyMix {
  const total = mix.reduce((sum, journey) => sum + journey.weight, 0);
  let point = random() * total;
  for (const journey of mix) {
    point -= journey.weight;
    if (point < 0) return journey;
  }
  return mix[mix.length - 1]!;
}

/** Sends GraphQL operations through one pool, recording a sample and any error for each. */
function createGraphqlSender(options: LoadEngineOptions) {
  const pool = new Pool(options.endpoint.origin, {
    connections: Math.max(1, options.connections),
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  const path = `${options.endpoint.pathname}${options.endpoint.search}`;
  const samples: Sample[] = [];
  const errorMessages = new Map<string, number>();
  let consecutiveNetworkFailures = 0;
  const state = { pool, samples, errorMessages, stopReason: undefined as string | undefined, send };

  const countError = (message: string) => {
    errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
  };

  async function send(
    sessionId: string,
    query: string,
    variables: object,
    withKey: boolean,
  ): Promise<unknown> {
    const startedAt = Date.now();
    const started = performance.now();
    let ok = false;
    try {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-session-id': sessionId,
      };
      if (withKey && options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
      const response = await pool.request({
        path,
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      consecutiveNetworkFailures = 0;
      const text = await response.body.text();
      let body: { data?: unknown; errors?: { message: string }[] } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        countError(`HTTP ${response.statusCode}: not JSON`);
        return undefined;
      }
      ok = response.statusCode < 400 && body.errors === undefined;
      if (!ok) countError(body.errors?.[0]?.message ?? `HTTP ${response.statusCode}`);
      return body.data;
    } catch (error) {
      const message = networkMessage(error);
      countError(message);
      consecutiveNetworkFailures += 1;
      if (
        consecutiveNetworkFailures >= MAX_CONSECUTIVE_NETWORK_FAILURES &&
        state.stopReason === undefined
      ) {
        state.stopReason = `stopped early: ${consecutiveNetworkFailures} requests in a row got no answer from ${options.endpoint.href} (${message})`;
      }
      return undefined;
    } finally {
      samples.push({ startedAt, ms: performance.now() - started, ok });
    }
  }

  return state;
}

/** Creates an engine with no users; call {@link LoadEngine.setUsers} to start load. */
export function createLoadEngine(options: LoadEngineOptions): LoadEngine {
  const random = options.random ?? Math.random;
  const sender = createGraphqlSender(options);
  const { samples, errorMessages, send } = sender;
  const running: VirtualUser[] = [];
  const stopping = new Set<Promise<void>>();
  const stopReason = () => sender.stopReason;

  function startUser(): VirtualUser {
    const controller = new AbortController();
    const journeyMix = pickJourney(options.journeys, random);
    const journey = JOURNEYS[journeyMix.name];
    const sessionId = randomBytes(12).toString('base64url');
    const { minMs, maxMs } = journeyMix.thinkTime;
    const active = () => !controller.signal.aborted && stopReason() === undefined;
    const context: JourneyContext = {
      request: (query, variables = {}, requestOptions = {}) =>
        send(sessionId, query, variables, requestOptions.withKey ?? false),
      think: async () => {
        const ms = minMs + random() * (maxMs - minMs);
        if (ms <= 0 || !active()) return;
        await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
      },
      active,
      random,
    };
    const finished = (async () => {
      while (active()) {
        await journey.iterate(context);
        // A journey without think time must still let timers and the display run.
        if (minMs === 0 && maxMs === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    return { controller, finished };
  }

  return {
    samples,
    errorMessages,
    users: () => running.length,
    setUsers(count) {
      while (running.length < count) running.push(startUser());
      while (running.length > count) {
        const user = running.pop()!;
        user.controller.abort();
        const done = user.finished.finally(() => stopping.delete(done));
        stopping.add(done);
      }
    },
    stopReason,
    samplesSince(from) {
      const found: Sample[] = [];
      // Samples are appended as requests end; one that started before `from` may still be among
      // the last ones, so keep scanning until samples older than the longest request.
      for (let index = samples.length - 1; index >= 0; index--) {
        const sample = samples[index]!;
        if (sample.startedAt >= from) found.push(sample);
        else if (sample.startedAt < from - REQUEST_TIMEOUT_MS) break;
      }
      return found.reverse();
    },
    async close() {
      this.setUsers(0);
      await Promise.all([...stopping]);
      await sender.pool.close();
    },
  };
}
