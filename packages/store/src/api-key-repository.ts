import type { Kysely, Selectable } from 'kysely';
import { API_KEY_ROLES } from './database.ts';
import type { ApiKeyRole, ApiKeyTable, Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs } from './validation.ts';

/** A key to store. The caller generates the key and hashes it; the key itself never gets here. */
export interface NewApiKey {
  name: string;
  role: ApiKeyRole;
  /** Public, unique part of the key that finds the row. */
  prefix: string;
  /** Hash of the whole key (hex), compared on every authentication. */
  hash: string;
  /** Who created it (an actor name such as `cli` or the creating key's name). */
  createdBy: string;
  /** Named rate-limit policy overriding the role's default. @default null (the role's policy) */
  rateLimitPolicy?: string | null | undefined;
  /** Epoch ms. @default the repository clock's now */
  createdAt?: number | undefined;
  /** Epoch ms after which the key is refused. @default null (never expires) */
  expiresAt?: number | null | undefined;
}

/** A stored key as lists show it: everything but the hash. */
export interface ApiKey {
  id: number;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  rateLimitPolicy: string | null;
  createdAt: number;
  createdBy: string;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** A stored key with its hash, for authentication only. */
export interface StoredApiKey extends ApiKey {
  hash: string;
}

/** Which keys {@link ApiKeyRepository.count} counts. */
export interface ApiKeyCountFilter {
  role?: ApiKeyRole | undefined;
  /** Count only keys neither revoked nor expired at this epoch ms. */
  activeAt?: number | undefined;
}

/** API keys, stored hashed and found by their public prefix. */
export interface ApiKeyRepository {
  /**
   * Stores a key and returns it.
   * @throws StoreError `INVALID_ARGUMENT` for an unknown role or a bad time; the database's
   * unique-constraint error when `prefix` is taken.
   */
  create(key: NewApiKey): Promise<ApiKey>;
  /** The key with this prefix, with its hash; undefined when there is none. */
  findByPrefix(prefix: string): Promise<StoredApiKey | undefined>;
  /** The key with this id; undefined when there is none. */
  findById(id: number): Promise<ApiKey | undefined>;
  /** Every key, revoked and expired ones included, newest first. */
  list(): Promise<ApiKey[]>;
  /**
   * Marks the key revoked at `at` and returns it; a key already revoked keeps its first revocation
   * time. Undefined when there is no such key.
   */
  revoke(id: number, at: number): Promise<ApiKey | undefined>;
  /** Sets the last-used time; never moves it backwards. The caller throttles calls. */
  touchLastUsed(id: number, at: number): Promise<void>;
  /** Number of keys matching `filter` (all keys without one). */
  count(filter?: ApiKeyCountFilter): Promise<number>;
}

/** Options of {@link createApiKeyRepository}. */
export interface ApiKeyRepositoryOptions {
  /** Clock for keys created without `createdAt`. @default Date.now */
  now?: () => number;
}

/** The Kysely implementation of {@link ApiKeyRepository}, for SQLite and PostgreSQL. */
export function createApiKeyRepository(
  db: Kysely<Database>,
  options: ApiKeyRepositoryOptions = {},
): ApiKeyRepository {
  const now = options.now ?? Date.now;

  const findById = async (id: number): Promise<ApiKey | undefined> => {
    assertId(id);
    const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toApiKey(row);
  };

  return {
    create: (key) => insertApiKey(db, key, now),

    async findByPrefix(prefix) {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('prefix', '=', prefix)
        .executeTakeFirst();
      return row === undefined ? undefined : { ...toApiKey(row), hash: row.hash };
    },

    findById,

    async list() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
      return rows.map(toApiKey);
    },

    async revoke(id, at) {
      assertId(id);
      assertEpochMs(at, 'at');
      await db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      return findById(id);
    },

    async touchLastUsed(id, at) {
      assertId(id);
      assertEpochMs(at, 'at');
      await db
        .updateTable('api_keys')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
        .execute();
    },

    count: (filter = {}) => countApiKeys(db, filter),
  };
}

/** {@link ApiKeyRepository.create}: checks the key, then stores it; `now` dates it by default. */
async function insertApiKey(
  db: Kysely<Database>,
  key: NewApiKey,
  now: () => number,
): Promise<ApiKey> {
  assertRole(key.role);
  for (const [field, value] of [
    ['name', key.name],
    ['prefix', key.prefix],
    ['hash', key.hash],
    ['createdBy', key.createdBy],
  ] as const) {
    if (typeof value !== 'string' || value === '') {
      throw new StoreError('INVALID_ARGUMENT', `${field} must be a non-empty string`);
    }
  }
  const createdAt = key.createdAt ?? now();
  assertEpochMs(createdAt, 'createdAt');
  const expiresAt = key.expiresAt ?? null;
  if (expiresAt !== null) assertEpochMs(expiresAt, 'expiresAt');
  const row = await db
    .insertInto('api_keys')
    .values({
      name: key.name,
      role: key.role,
      prefix: key.prefix,
      hash: key.hash,
      rate_limit_policy: key.rateLimitPolicy ?? null,
      created_at: createdAt,
      created_by: key.createdBy,
      expires_at: expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApiKey(row);
}

/** {@link ApiKeyRepository.count}: the keys matching `filter`. */
async function countApiKeys(db: Kysely<Database>, filter: ApiKeyCountFilter): Promise<number> {
  let query = db.selectFrom('api_keys').select((eb) => eb.fn.countAll().as('count'));
  if (filter.role !== undefined) {
    assertRole(filter.role);
    query = query.where('role', '=', filter.role);
  }
  if (filter.activeAt !== undefined) {
    const at = filter.activeAt;
    assertEpochMs(at, 'activeAt');
    query = query
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
  }
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count);
}

function assertRole(role: string): void {
  if (!(API_KEY_ROLES as readonly string[]).includes(role)) {
    throw new StoreError(
      'INVALID_ARGUMENT',
      `Unknown API key role "${role}": expected ${API_KEY_ROLES.join(', ')}`,
    );
  }
}

function assertId(id: number): void {
  if (!Number.isSafeInteger(id)) {
    throw new StoreError('INVALID_ARGUMENT', `id must be an integer, got ${id}`);
  }
}

function toApiKey(row: Selectable<ApiKeyTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    rateLimitPolicy: row.rate_limit_policy,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
