import type { ApiKeyService, AuthenticationFailure } from './api-keys.ts';
import type { Role } from './roles.ts';

/** The HTTP header (and graphql-ws connection parameter) that carries an API key. */
export const API_KEY_HEADER = 'x-api-key';

/**
 * Why a key that was sent did not authenticate; `unavailable` when it could not be checked,
 * `conflicting` when `x-api-key` and `Authorization: Bearer` carry different keys.
 */
export type KeyRejection = AuthenticationFailure | 'unavailable' | 'conflicting';

/** What {@link apiKeyFromHeaders} returns when the two key headers disagree. */
export const CONFLICTING_KEYS = Symbol('conflicting API keys');

/**
 * Who is calling. Callers without a valid key are anonymous; when they sent a key that failed,
 * `rejectedKey` says why, so an error can tell them (their request still gets what anonymous
 * callers may do: the calculator and, when enabled, the public dashboard).
 */
export type Principal =
  | { kind: 'anonymous'; ip: string; rejectedKey?: KeyRejection | undefined }
  | {
      kind: 'key';
      keyId: number;
      name: string;
      role: Role;
      /** Rate-limit policy the key names; null for its role's policy. */
      rateLimitPolicy: string | null;
      ip: string;
    };

/**
 * The key in the `x-api-key` header or in `Authorization: Bearer <key>` (what Prometheus' scrape
 * `authorization` setting sends); null when there is none (an empty header is none). When both
 * carry a key and they differ, {@link CONFLICTING_KEYS}: neither silently wins.
 */
export function apiKeyFromHeaders(headers: Headers): string | typeof CONFLICTING_KEYS | null {
  const value = headers.get(API_KEY_HEADER)?.trim();
  const header = value === undefined || value === '' ? null : value;
  const bearerMatch = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  const bearer = bearerMatch ? bearerMatch[1]! : null;
  if (header !== null && bearer !== null && header !== bearer) return CONFLICTING_KEYS;
  return header ?? bearer;
}

/**
 * The key in graphql-ws `connectionParams`: `x-api-key`, `apiKey`, or `headers['x-api-key']`
 * (clients that reuse their HTTP headers object). Null when there is none or it is not a string.
 */
export function apiKeyFromConnectionParams(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const record = params as Record<string, unknown>;
  const headers = record['headers'];
  const candidates: unknown[] = [
    Object.hasOwn(record, API_KEY_HEADER) ? record[API_KEY_HEADER] : undefined,
    Object.hasOwn(record, 'apiKey') ? record['apiKey'] : undefined,
    typeof headers === 'object' && headers !== null && Object.hasOwn(headers, API_KEY_HEADER)
      ? (headers as Record<string, unknown>)[API_KEY_HEADER]
      : undefined,
  ];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return null;
}

/** Options of {@link clientIpOf}. */
export interface ClientIpOptions {
  /**
   * Believe the first address in `X-Forwarded-For`. Only behind a proxy that sets it: otherwise
   * any client picks its own rate-limit bucket. @default false
   */
  trustProxy?: boolean;
}

/** The caller's address: the socket's, or the proxy-reported one when `trustProxy` is set. */
export function clientIpOf(
  headers: Headers,
  remoteAddress: string | undefined,
  options: ClientIpOptions = {},
): string {
  if (options.trustProxy === true) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded !== undefined && forwarded !== '' && forwarded.length <= 64) return forwarded;
  }
  return remoteAddress ?? 'unknown';
}

/**
 * Authenticates `rawKey` (null: none was sent) and returns the principal. Never throws: when the
 * key store fails, the caller is anonymous with `rejectedKey: 'unavailable'`.
 */
export async function resolvePrincipal(
  apiKeys: Pick<ApiKeyService, 'authenticate'>,
  rawKey: string | typeof CONFLICTING_KEYS | null,
  ip: string,
): Promise<Principal> {
  if (rawKey === null) return { kind: 'anonymous', ip };
  if (rawKey === CONFLICTING_KEYS) return { kind: 'anonymous', ip, rejectedKey: 'conflicting' };
  try {
    const result = await apiKeys.authenticate(rawKey);
    if (!result.ok) return { kind: 'anonymous', ip, rejectedKey: result.reason };
    return { kind: 'key', ...result.principal, ip };
  } catch {
    return { kind: 'anonymous', ip, rejectedKey: 'unavailable' };
  }
}

/** `viewer "ci-bot"` for a key, `anonymous` otherwise: for messages and logs (never the key). */
export function describePrincipal(principal: Principal): string {
  return principal.kind === 'key' ? `${principal.role} "${principal.name}"` : 'anonymous';
}
