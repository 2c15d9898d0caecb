import { normaliseRoute } from '@taurine/vitals';

/**
 * The route a path belongs to, as the router declares it (`@taurine/vitals`' `APP_ROUTES`, shared
 * with the server's checks): `/monitoring/` → `/monitoring`, `/alerts/42` → `/alerts/:id`, anything
 * else → `/other`, so a typo cannot create a new series.
 */
export function routeName(pathname: string): string {
  return normaliseRoute(pathname);
}
