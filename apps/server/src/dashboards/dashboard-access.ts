import type { StoredDashboard } from '@taurine/store';
import type { Principal } from '../access/principal.ts';
import { isRole, roleAtLeast } from '../access/roles.ts';

/**
 * Whether `principal` may read `dashboard`: anyone a public one (no key needed, whatever
 * `PUBLIC_DASHBOARD` says), keys of its role or better a shared one, its owner and admins a
 * private one. Provisioned dashboards are shared with viewers.
 */
export function canReadDashboard(dashboard: StoredDashboard, principal: Principal): boolean {
  if (dashboard.visibility === 'public') return true;
  if (principal.kind !== 'key') return false;
  if (principal.role === 'admin') return true;
  if (dashboard.visibility === 'role') {
    return isRole(dashboard.role) && roleAtLeast(principal.role, dashboard.role);
  }
  return dashboard.ownerKeyId === principal.keyId;
}

/** Why a change to a dashboard is refused, or null when it may be made. */
export function writeRefusal(dashboard: StoredDashboard, principal: Principal): string | null {
  if (dashboard.builtIn) return 'a provisioned dashboard cannot be changed; duplicate it instead';
  if (principal.kind !== 'key') return 'changing a dashboard needs a key';
  if (principal.role === 'admin' || dashboard.ownerKeyId === principal.keyId) return null;
  return `only its owner (${dashboard.ownerName}) or an admin may change this dashboard`;
}

/** Why `principal` may not give a dashboard this audience, or null when it may. */
export function audienceRefusal(visibility: string, principal: Principal): string | null {
  if (visibility === 'public' && (principal.kind !== 'key' || principal.role !== 'admin')) {
    return 'making a dashboard public needs an admin key: anyone could then read its panels';
  }
  return null;
}
