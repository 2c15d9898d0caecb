import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs } from './validation.ts';

/** An audit entry to append. Secrets must already be redacted from `arguments` and `details`. */
export interface NewAuditEntry {
  /** Epoch ms. @default the repository clock's now */
  at?: number | undefined;
  actorName: string;
  /** The actor's role, or `anonymous` / `system` for actors without a key. */
  actorRole: string;
  /** What was done, e.g. `mutation:clearCache` or `cli:keys.create`. */
  action: string;
  /** The operation's arguments: any JSON-serialisable value. */
  arguments: unknown;
  /** `ok` or an error code such as `FORBIDDEN`. */
  result: string;
  /** Anything else worth keeping (JSON-serialisable). @default null */
  details?: unknown;
}

/** A stored audit entry. */
export interface AuditEntry {
  id: number;
  at: number;
  actorName: string;
  actorRole: string;
  action: string;
  arguments: unknown;
  result: string;
  details: unknown;
}

/** Which entries {@link AuditLogRepository.list} returns. */
export interface ListAuditOptions {
  /** Most entries returned. */
  limit: number;
  /** Cursor: only entries with an id below this one (the last id of the previous page). */
  before?: number | undefined;
  /** Only entries with exactly this action. */
  action?: string | undefined;
}

/** The append-only log of state-changing operations. */
export interface AuditLogRepository {
  /**
   * Appends one entry and returns it as stored.
   * @throws StoreError `INVALID_ARGUMENT` when a field is empty or not serialisable.
   */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries newest first (by id, which follows insertion order on both databases). */
  list(options: ListAuditOptions): Promise<AuditEntry[]>;
}

/** Options of {@link createAuditLogRepository}. */
export interface AuditLogRepositoryOptions {
  /** Clock for entries appended without `at`. @default Date.now */
  now?: () => number;
}

/** The Kysely implementation of {@link AuditLogRepository}, for SQLite and PostgreSQL. */
export function createAuditLogRepository(
  db: Kysely<Database>,
  options: AuditLogRepositoryOptions = {},
): AuditLogRepository {
  const now = options.now ?? Date.now;
  return {
    async append(entry) {
      for (const [field, value] of [
        ['actorName', entry.actorName],
        ['actorRole', entry.actorRole],
        ['action', entry.action],
        ['result', entry.result],
      ] as const) {
        if (typeof value !== 'string' || value === '') {
          throw new StoreError('INVALID_ARGUMENT', `${field} must be a non-empty string`);
        }
      }
      const at = entry.at ?? now();
      assertEpochMs(at, 'at');
      const row = await db
        .insertInto('audit_log')
        .values({
          at,
          actor_name: entry.actorName,
          actor_role: entry.actorRole,
          action: entry.action,
          arguments: serialize(entry.arguments ?? null, 'arguments'),
          result: entry.result,
          details:
            entry.details === undefined || entry.details === null
              ? null
              : serialize(entry.details, 'details'),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEntry(row);
    },

    async list({ limit, before, action }) {
      if (!Number.isSafeInteger(limit) || limit < 0) {
        throw new StoreError(
          'INVALID_ARGUMENT',
          `limit must be a non-negative integer, got ${limit}`,
        );
      }
      let query = db.selectFrom('audit_log').selectAll();
      if (before !== undefined) {
        if (!Number.isSafeInteger(before)) {
          throw new StoreError('INVALID_ARGUMENT', `before must be an integer id, got ${before}`);
        }
        query = query.where('id', '<', before);
      }
      if (action !== undefined) query = query.where('action', '=', action);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toAuditEntry);
    },
  };
}

function serialize(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = stringifyJson(value);
  } catch (error) {
    throw new StoreError('INVALID_ARGUMENT', `${what} is not JSON-serialisable`, { cause: error });
  }
  if (text === undefined) {
    throw new StoreError('INVALID_ARGUMENT', `${what} is not JSON-serialisable`);
  }
  return text;
}

/** JSON.stringify returns undefined for functions and symbols, whatever its declared type says. */
function stringifyJson(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    arguments: JSON.parse(row.arguments) as unknown,
    result: row.result,
    details: row.details === null ? null : (JSON.parse(row.details) as unknown),
  };
}
