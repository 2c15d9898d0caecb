import type { ApiKeyService, AuthenticatedKey } from './api-keys.ts';
import { CONFLICTING_KEYS } from './principal.ts';
import type { Principal } from './principal.ts';

/** Options of {@link createPrincipalResolver}. */
export interface PrincipalResolverOptions {
  /** Most client addresses whose anonymous principal is kept. @default 10000 */
  maxAddresses?: number;
  /** Most addresses kept per authenticated key. @default 64 */
  maxAddressesPerKey?: number;
}

/**
 * Who is calling, from the key sent (null: none) and the client address. An anonymous caller's
 * principal is answered at once, without a promise.
 */
export type PrincipalResolver = (
  rawKey: string | typeof CONFLICTING_KEYS | null,
  ip: string,
) => Principal | Promise<Principal>;

/** Keeps at most `max` entries: the map is emptied when full (cheap, and rare at these bounds). */
function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}

/** One frozen anonymous principal per client address, built once (at most `maxAddresses`). */
export function createAnonymousPrincipals(maxAddresses = 10_000): (ip: string) => Principal {
  const anonymous = new Map<string, Principal>();
  return (ip) =>
    anonymous.get(ip) ??
    boundedSet(anonymous, ip, Object.freeze({ kind: 'anonymous', ip }), maxAddresses);
}

/**
 * A {@link PrincipalResolver} that builds each principal once: one frozen anonymous principal per
 * client address, one per authenticated key and address. It caches nothing about whether a key is
 * valid: every keyed request still asks `apiKeys.authenticate`, whose own cache (`cacheTtlMs`,
 * cleared by `revoke`) decides how late a revocation is seen. A key's principal is reused for as
 * long as `authenticate` returns the same {@link AuthenticatedKey} object, so a refreshed look-up
 * (a changed role, a revocation) never meets an old principal.
 */
export function createPrincipalResolver(
  apiKeys: Pick<ApiKeyService, 'authenticate'>,
  options: PrincipalResolverOptions = {},
): PrincipalResolver {
  const { maxAddresses = 10_000, maxAddressesPerKey = 64 } = options;
  const anonymousAt = createAnonymousPrincipals(maxAddresses);
  const byKey = new WeakMap<AuthenticatedKey, Map<string, Principal>>();

  const keyedAt = (key: AuthenticatedKey, ip: string): Principal => {
    let addresses = byKey.get(key);
    if (addresses === undefined) {
      addresses = new Map();
      byKey.set(key, addresses);
    }
    return (
      addresses.get(ip) ??
      boundedSet(addresses, ip, Object.freeze({ kind: 'key', ...key, ip }), maxAddressesPerKey)
    );
  };

  return (rawKey, ip) => {
    if (rawKey === null) return anonymousAt(ip);
    if (rawKey === CONFLICTING_KEYS) return { kind: 'anonymous', ip, rejectedKey: 'conflicting' };
    return apiKeys.authenticate(rawKey).then(
      (result): Principal =>
        result.ok
          ? keyedAt(result.principal, ip)
          : { kind: 'anonymous', ip, rejectedKey: result.reason },
      (): Principal => ({ kind: 'anonymous', ip, rejectedKey: 'unavailable' }),
    );
  };
}
