import type { Kysely, Selectable } from 'kysely';
import { CALCULATOR_EVENT_TYPES } from './database.ts';
import type { CalculatorEventTable, CalculatorEventType, Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs, toEpochBound } from './validation.ts';

/** A business event to record. */
export interface NewCalculatorEvent {
  type: CalculatorEventType;
  flavorId: string;
  /** Anonymous browser session, used to count distinct sessions (the conversion denominator). */
  sessionId?: string | undefined;
  /** Any JSON-serialisable value; `undefined` and `null` are stored as no payload. */
  payload?: unknown;
  /** Epoch ms. @default the repository clock's now */
  createdAt?: number | undefined;
}

/** A recorded business event. */
export interface CalculatorEvent {
  id: number;
  type: CalculatorEventType;
  flavorId: string;
  sessionId: string | null;
  /** The parsed payload, or null when there was none. */
  payload: unknown;
  createdAt: number;
}

/** Business events from the calculator: calculations done and affiliate links clicked. */
export interface CalculatorEventRepository {
  /** Stores one event and returns its id. */
  record(event: NewCalculatorEvent): Promise<{ id: number }>;
  /** Number of events of `type` created at or after `since` (epoch ms). */
  count(type: CalculatorEventType, since: number): Promise<number>;
  /** Number of distinct non-null session ids among events of any type since `since`. */
  distinctSessions(since: number): Promise<number>;
  /** The `limit` newest events, newest first. */
  recent(limit: number): Promise<CalculatorEvent[]>;
}

/** Options of {@link createCalculatorEventRepository}. */
export interface CalculatorEventRepositoryOptions {
  /** Clock for events recorded without `createdAt`. @default Date.now */
  now?: () => number;
}

/** The Kysely implementation of {@link CalculatorEventRepository}, for SQLite and PostgreSQL. */
export function createCalculatorEventRepository(
  db: Kysely<Database>,
  options: CalculatorEventRepositoryOptions = {},
): CalculatorEventRepository {
  const now = options.now ?? Date.now;
  return {
    async record(event) {
      if (!CALCULATOR_EVENT_TYPES.includes(event.type)) {
        throw new StoreError(
          'INVALID_ARGUMENT',
          `Unknown calculator event type "${event.type}": expected ${CALCULATOR_EVENT_TYPES.join(' or ')}`,
        );
      }
      const createdAt = event.createdAt ?? now();
      assertEpochMs(createdAt, 'createdAt');
      const { id } = await db
        .insertInto('calculator_events')
        .values({
          type: event.type,
          flavor_id: event.flavorId,
          session_id: event.sessionId ?? null,
          payload: serializePayload(event.payload),
          created_at: createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id };
    },

    async count(type, since) {
      const { count } = await db
        .selectFrom('calculator_events')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('type', '=', type)
        .where('created_at', '>=', toEpochBound(since, 'since'))
        .executeTakeFirstOrThrow();
      return Number(count);
    },

    async distinctSessions(since) {
      const { count } = await db
        .selectFrom('calculator_events')
        .select((eb) => eb.fn.count('session_id').distinct().as('count'))
        .where('created_at', '>=', toEpochBound(since, 'since'))
        .executeTakeFirstOrThrow();
      return Number(count);
    },

    async recent(limit) {
      if (!Number.isSafeInteger(limit) || limit < 0) {
        throw new StoreError(
          'INVALID_ARGUMENT',
          `limit must be a non-negative integer, got ${limit}`,
        );
      }
      const rows = await db
        .selectFrom('calculator_events')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toCalculatorEvent);
    },
  };
}

function serializePayload(payload: unknown): string | null {
  if (payload === undefined || payload === null) return null;
  try {
    return stringifyJson(payload) ?? null;
  } catch (error) {
    throw new StoreError('INVALID_ARGUMENT', 'payload is not JSON-serialisable', { cause: error });
  }
}

/** JSON.stringify returns undefined for functions and symbols, whatever its declared type says. */
function stringifyJson(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function toCalculatorEvent(row: Selectable<CalculatorEventTable>): CalculatorEvent {
  const payload: unknown = row.payload === null ? null : JSON.parse(row.payload);
  return {
    id: row.id,
    type: row.type,
    flavorId: row.flavor_id,
    sessionId: row.session_id,
    payload,
    createdAt: row.created_at,
  };
}
