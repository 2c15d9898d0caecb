/**
 * Machine-readable reasons a {@link StoreError} is thrown.
 *
 * - `INVALID_OPTIONS`: `openStore` was given options it cannot use (empty `dataDir`, bad schema name).
 * - `INVALID_DATABASE_URL`: `databaseUrl` is not a `postgres://` or `postgresql://` URL.
 * - `CONNECTION_FAILED`: the database could not be opened or reached.
 * - `MIGRATION_FAILED`: a migration failed; `cause` holds the database error.
 * - `INVALID_ARGUMENT`: a repository method was given a value it cannot store or query with.
 */
export type StoreErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_DATABASE_URL'
  | 'CONNECTION_FAILED'
  | 'MIGRATION_FAILED'
  | 'INVALID_ARGUMENT';

/** The one error class `@taurine/store` throws on purpose; database errors travel as `cause`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** Why the operation failed; stable across releases, unlike `message`. */
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
