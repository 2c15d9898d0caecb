import { API_KEY_ROLES } from '@taurine/store';
import type { ApiKeyRole } from '@taurine/store';

/** What an API key may do; each role includes every role before it. */
export type Role = ApiKeyRole;

/** The roles, least privileged first: viewer < operator < admin. */
export const ROLES: readonly Role[] = API_KEY_ROLES;

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` grants at least what `required` grants (`roleAtLeast('admin', 'viewer')`). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/**
 * The permission table: each capability and the least role that has it. `public` capabilities need
 * no key. Viewer capabilities are the read-only dashboard: with `PUBLIC_DASHBOARD=true` callers
 * without a key get them too, so a viewer field must never expose a secret. Schema fields map to
 * these through their `authScopes` (see `auth-scopes.ts`).
 */
export const PERMISSIONS = {
  'calculator:use': 'public',
  'events:track': 'public',
  'rum:ingest': 'public',
  'health:read': 'public',
  'metrics:read': 'viewer',
  'stats:read': 'viewer',
  'alerts:read': 'viewer',
  'rules:read': 'viewer',
  'caches:read': 'viewer',
  'snapshots:subscribe': 'viewer',
  'reports:read': 'viewer',
  'caches:operate': 'operator',
  'memory:optimize': 'operator',
  'alerts:respond': 'operator',
  'rules:manage': 'admin',
  'channels:manage': 'admin',
  'silences:manage': 'admin',
  'keys:manage': 'admin',
  'audit:read': 'admin',
} as const satisfies Record<string, Role | 'public'>;

/** A capability from {@link PERMISSIONS}. */
export type Permission = keyof typeof PERMISSIONS;

/** The capabilities a role has (the public ones included), in table order. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => {
    const needed = PERMISSIONS[permission];
    return needed === 'public' || roleAtLeast(role, needed);
  });
}
