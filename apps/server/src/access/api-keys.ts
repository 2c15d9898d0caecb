import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKey, ApiKeyRepository, StoredApiKey } from '@taurine/store';
import { AccessError } from './access-error.ts';
import { DEFAULT_RATE_LIMIT_POLICIES } from './rate-limit-policies.ts';
import { isRole, ROLES } from './roles.ts';
import type { Role } from './roles.ts';

/**
 * Keys look like `tk_<prefix>_<secret>`: `tk_` so scanners and people recognise them, an 8-hex
 * prefix (32 random bits) that is public and finds the row, and a secret of 32 random bytes in
 * base64url (43 characters). A longer secret is accepted, so `ADMIN_API_KEY` may carry more.
 */
export const API_KEY_PATTERN = /^tk_([0-9a-f]{8})_([A-Za-z0-9_-]{43,128})$/;

/** Random bytes in a generated key's secret (256 bits). */
export const API_KEY_SECRET_BYTES = 32;

/** Longest key name. */
export const API_KEY_NAME_MAX_LENGTH = 100;

/** Why a key did not authenticate. `unknown` also covers a wrong secret for a known prefix. */
export type AuthenticationFailure = 'malformed' | 'unknown' | 'revoked' | 'expired';

/** The caller a valid key stands for. */
export interface AuthenticatedKey {
  keyId: number;
  name: string;
  role: Role;
  /** Rate-limit policy the key names; null for its role's policy. */
  rateLimitPolicy: string | null;
}

/** Outcome of {@link ApiKeyService.authenticate}. */
export type AuthenticationResult =
  { ok: true; principal: AuthenticatedKey } | { ok: false; reason: AuthenticationFailure };

/** What {@link ApiKeyService.create} needs. */
export interface CreateApiKeyInput {
  /** 1–100 printable characters, shown in lists and the audit log. */
  name: string;
  role: Role;
  /** Epoch ms after which the key is refused; must be in the future. @default never */
  expiresAt?: number | null | undefined;
  /** Actor creating the key (a key name, `cli`, …). */
  createdBy: string;
  /** A rate-limit policy name such as `third-party`. @default null (the role's policy) */
  rateLimitPolicy?: string | null | undefined;
}

/** A new key: `key` is the plaintext, returned this once and never stored. */
export interface CreatedApiKey {
  key: string;
  apiKey: ApiKey;
}

/**
 * What {@link ApiKeyService.ensureBootstrapAdmin} did: `none` (an active admin key exists),
 * `env-created` / `env-existing` (the `ADMIN_API_KEY` row), `env-revoked` (that row was revoked
 * by an admin and stays so: warn), `generated` (print `key` once).
 */
export type BootstrapResult =
  | { action: 'none' }
  | { action: 'env-created' | 'env-existing' | 'env-revoked'; apiKey: ApiKey }
  | { action: 'generated'; apiKey: ApiKey; key: string };

/** Creates, authenticates, lists and revokes API keys. */
export interface ApiKeyService {
  /**
   * Generates and stores a key; the plaintext is in the result only.
   * @throws AccessError `INVALID_ARGUMENT` for a bad name, role, expiry or policy.
   */
  create(input: CreateApiKeyInput): Promise<CreatedApiKey>;
  /** Checks a raw key. Throws only when the store fails. */
  authenticate(rawKey: string): Promise<AuthenticationResult>;
  /** Every key (prefix only, never a hash), newest first. */
  list(): Promise<ApiKey[]>;
  /** Revokes a key at once on this instance (others within `cacheTtlMs`); undefined if unknown. */
  revoke(id: number): Promise<ApiKey | undefined>;
  /**
   * Makes sure an admin can get in: stores `envKey` (`ADMIN_API_KEY`) as an admin key when given
   * (idempotent: the same key maps to the same row), else generates an admin key when no active
   * one exists.
   * @throws AccessError `INVALID_ADMIN_KEY` when `envKey` is malformed or its prefix is taken.
   */
  ensureBootstrapAdmin(envKey?: string): Promise<BootstrapResult>;
}

/** Options of {@link createApiKeyService}. */
export interface ApiKeyServiceOptions {
  keys: ApiKeyRepository;
  /** @default Date.now */
  now?: () => number;
  /** Least time between two last-used writes for one key. @default 60000 */
  lastUsedThrottleMs?: number;
  /**
   * How long a looked-up key is reused without asking the store. Bounds how late another
   * instance sees a revocation. @default 500
   */
  cacheTtlMs?: number;
  /** Most keys cached. @default 10000 */
  cacheMaxEntries?: number;
  /** Rate-limit policies a key may name. @default the names in DEFAULT_RATE_LIMIT_POLICIES */
  rateLimitPolicies?: readonly string[];
  /** Told when a last-used write fails (authentication still succeeds). */
  onError?: (error: unknown) => void;
}

/**
 * A fresh random key. Its hash is SHA-256 of the whole key, on purpose not a password hash (bcrypt,
 * scrypt, argon2): those are slow to make guessing low-entropy passwords expensive, but a key
 * holds 256 random bits, so no guess can succeed and a fast hash lets every request be checked in
 * microseconds. An HMAC with a server secret would add nothing for the same reason.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `tk_${prefix}_${randomBytes(API_KEY_SECRET_BYTES).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** Hex SHA-256 of the whole key: the only form in which a key is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The prefix of a well-formed key, or null. */
export function parseApiKey(rawKey: string): { prefix: string } | null {
  if (rawKey.length > 140) return null;
  const match = API_KEY_PATTERN.exec(rawKey);
  return match?.[1] === undefined ? null : { prefix: match[1] };
}

/** Compares a stored hex hash with a key's hash in constant time. */
export function hashMatches(storedHash: string, rawKey: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(rawKey, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Checks what {@link ApiKeyService.create} was given: a printable name of bounded length, a known
 * role, an expiry in the future and a policy from `rateLimitPolicies`.
 * @throws AccessError `INVALID_ARGUMENT` naming the first problem.
 */
function validateCreateInput(
  input: CreateApiKeyInput,
  at: number,
  rateLimitPolicies: readonly string[],
): void {
  const name = input.name.trim();
  if (name === '' || name.length > API_KEY_NAME_MAX_LENGTH || CONTROL_CHARACTERS.test(name)) {
    throw new AccessError(
      'INVALID_ARGUMENT',
      `Key name must be 1 to ${API_KEY_NAME_MAX_LENGTH} printable characters`,
    );
  }
  if (!isRole(input.role)) {
    throw new AccessError(
      'INVALID_ARGUMENT',
      `Unknown role "${String(input.role)}": expected ${ROLES.join(', ')}`,
    );
  }
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && (!Number.isSafeInteger(expiresAt) || expiresAt <= at)) {
    throw new AccessError('INVALID_ARGUMENT', 'Key expiry must be a time in the future');
  }
  const policy = input.rateLimitPolicy ?? null;
  if (policy !== null && !rateLimitPolicies.includes(policy)) {
    throw new AccessError(
      'INVALID_ARGUMENT',
      `Unknown rate-limit policy "${policy}": expected ${rateLimitPolicies.join(', ')}`,
    );
  }
}

/** Sets `key` as the most recent entry of `map`, dropping the oldest beyond `maxEntries`. */
function setMostRecent<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > maxEntries) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

/**
 * A stored key as looked up, with the raw key last verified against it and the principal built
 * for it: within the entry's lifetime the same raw key is neither hashed again nor given a new
 * principal object (which lets callers cache per principal).
 */
interface KeyEntry {
  key: StoredApiKey | undefined;
  fetchedAt: number;
  verified?: { rawKey: string; principal: AuthenticatedKey };
}

/** Stored keys by prefix, each reused for `cacheTtlMs` so most requests do not ask the store. */
interface KeyLookup {
  lookUp(prefix: string): Promise<KeyEntry>;
  /** Drops a prefix so the next look-up asks the store (after a revocation). */
  forget(prefix: string): void;
}

function createKeyLookup(
  keys: ApiKeyRepository,
  now: () => number,
  cacheTtlMs: number,
  cacheMaxEntries: number,
): KeyLookup {
  const cache = new Map<string, KeyEntry>();
  return {
    async lookUp(prefix) {
      const at = now();
      const cached = cache.get(prefix);
      if (cached !== undefined && at - cached.fetchedAt < cacheTtlMs) return cached;
      const entry: KeyEntry = { key: await keys.findByPrefix(prefix), fetchedAt: at };
      setMostRecent(cache, prefix, entry, cacheMaxEntries);
      return entry;
    },
    forget(prefix) {
      cache.delete(prefix);
    },
  };
}

/**
 * Records that a key was used, at most once per `throttleMs` per key, in the background: a failed
 * write is reported to `onError` and never fails the authentication.
 */
function createLastUsedRecorder(
  keys: ApiKeyRepository,
  throttleMs: number,
  maxEntries: number,
  onError: ((error: unknown) => void) | undefined,
): (key: StoredApiKey, at: number) => void {
  const touchedAt = new Map<number, number>();
  return (key, at) => {
    const last = Math.max(key.lastUsedAt ?? -Infinity, touchedAt.get(key.id) ?? -Infinity);
    if (at - last < throttleMs) return;
    setMostRecent(touchedAt, key.id, at, maxEntries);
    keys.touchLastUsed(key.id, at).catch((error: unknown) => {
      onError?.(error);
    });
  };
}

/** The principal `rawKey` stands for when it matches `entry`'s key (hashed once per entry). */
function verifiedPrincipal(entry: KeyEntry, rawKey: string): AuthenticatedKey | undefined {
  if (entry.verified?.rawKey === rawKey) return entry.verified.principal;
  const { key } = entry;
  if (key === undefined || !hashMatches(key.hash, rawKey)) return undefined;
  const principal: AuthenticatedKey = Object.freeze({
    keyId: key.id,
    name: key.name,
    role: key.role,
    rateLimitPolicy: key.rateLimitPolicy,
  });
  entry.verified = { rawKey, principal };
  return principal;
}

/** Checks a raw key against the store: the principal it stands for, or why it does not. */
async function authenticateKey(
  rawKey: string,
  lookup: KeyLookup,
  now: () => number,
  recordUse: (key: StoredApiKey, at: number) => void,
): Promise<AuthenticationResult> {
  const parsed = parseApiKey(rawKey);
  if (parsed === null) return { ok: false, reason: 'malformed' };
  const entry = await lookup.lookUp(parsed.prefix);
  const principal = verifiedPrincipal(entry, rawKey);
  const { key } = entry;
  if (principal === undefined || key === undefined) return { ok: false, reason: 'unknown' };
  const at = now();
  if (key.revokedAt !== null) return { ok: false, reason: 'revoked' };
  if (key.expiresAt !== null && key.expiresAt <= at) return { ok: false, reason: 'expired' };
  recordUse(key, at);
  return { ok: true, principal };
}

/** The key service over a repository. */
export function createApiKeyService(options: ApiKeyServiceOptions): ApiKeyService {
  const {
    keys,
    now = Date.now,
    lastUsedThrottleMs = 60_000,
    cacheTtlMs = 500,
    cacheMaxEntries = 10_000,
    rateLimitPolicies = Object.keys(DEFAULT_RATE_LIMIT_POLICIES),
    onError,
  } = options;
  const lookup = createKeyLookup(keys, now, cacheTtlMs, cacheMaxEntries);
  const recordUse = createLastUsedRecorder(keys, lastUsedThrottleMs, cacheMaxEntries, onError);

  const service: ApiKeyService = {
    async create(input) {
      validateCreateInput(input, now(), rateLimitPolicies);
      // 32-bit prefixes rarely collide; when one does, draw again rather than fail.
      for (let attempt = 0; ; attempt++) {
        const generated = generateApiKey();
        if (attempt < 3 && (await keys.findByPrefix(generated.prefix)) !== undefined) continue;
        const apiKey = await keys.create({
          name: input.name.trim(),
          role: input.role,
          prefix: generated.prefix,
          hash: generated.hash,
          createdBy: input.createdBy,
          createdAt: now(),
          expiresAt: input.expiresAt ?? null,
          rateLimitPolicy: input.rateLimitPolicy ?? null,
        });
        return { key: generated.key, apiKey };
      }
    },

    authenticate: (rawKey) => authenticateKey(rawKey, lookup, now, recordUse),

    list: () => keys.list(),

    async revoke(id) {
      const revoked = await keys.revoke(id, now());
      if (revoked !== undefined) lookup.forget(revoked.prefix);
      return revoked;
    },

    async ensureBootstrapAdmin(envKey) {
      if (envKey !== undefined && envKey !== '') return storeEnvKey(keys, envKey, now);
      if ((await keys.count({ role: 'admin', activeAt: now() })) > 0) return { action: 'none' };
      const { key, apiKey } = await service.create({
        name: 'bootstrap admin',
        role: 'admin',
        createdBy: 'bootstrap',
      });
      return { action: 'generated', apiKey, key };
    },
  };
  return service;
}

/**
 * Stores `ADMIN_API_KEY` as an admin key, idempotently: the same key maps to the same row, also
 * when several instances start at once with it.
 * @throws AccessError `INVALID_ADMIN_KEY` when `envKey` is malformed or its prefix is taken.
 */
async function storeEnvKey(
  keys: ApiKeyRepository,
  envKey: string,
  now: () => number,
): Promise<BootstrapResult> {
  const parsed = parseApiKey(envKey);
  if (parsed === null) {
    throw new AccessError(
      'INVALID_ADMIN_KEY',
      'ADMIN_API_KEY must look like tk_<8 hex characters>_<43 or more base64url characters>; ' +
        'generate one with `npm run keys -- generate`',
    );
  }
  const existing = (): Promise<BootstrapResult | undefined> =>
    keys.findByPrefix(parsed.prefix).then((found) => {
      if (found === undefined) return undefined;
      if (!hashMatches(found.hash, envKey)) {
        throw new AccessError(
          'INVALID_ADMIN_KEY',
          `ADMIN_API_KEY's prefix ${parsed.prefix} belongs to another key; generate a new one`,
        );
      }
      const { hash: _hash, ...apiKey } = found;
      return { action: found.revokedAt === null ? 'env-existing' : 'env-revoked', apiKey };
    });
  const before = await existing();
  if (before !== undefined) return before;
  try {
    const apiKey = await keys.create({
      name: 'admin (ADMIN_API_KEY)',
      role: 'admin',
      prefix: parsed.prefix,
      hash: hashApiKey(envKey),
      createdBy: 'ADMIN_API_KEY',
      createdAt: now(),
    });
    return { action: 'env-created', apiKey };
  } catch (error) {
    // Another instance starting with the same ADMIN_API_KEY inserted it first.
    const raced = await existing();
    if (raced !== undefined) return raced;
    throw error;
  }
}
