import type { Principal } from './principal.ts';
import { permissionsOf } from './roles.ts';
import type { Permission, Role } from './roles.ts';

/** Who the caller is, as the SPA shows it: the key's name, its role and what that role may do. */
export interface Viewer {
  name: string;
  role: Role;
  permissions: Permission[];
}

/**
 * The caller's key as a {@link Viewer}; null without a valid key, so a client can tell "no key"
 * (or a rejected one) from a key whose role is too low, and hide or disable what it may not use.
 */
export function viewerOf(principal: Principal): Viewer | null {
  if (principal.kind !== 'key') return null;
  return { name: principal.name, role: principal.role, permissions: permissionsOf(principal.role) };
}
