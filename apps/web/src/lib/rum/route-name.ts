/** The app's pages; anything else is reported as `/other` so a typo cannot create a new series. */
export const KNOWN_ROUTES = ['/', '/monitoring', '/alerts', '/performance', '/demo'] as const;

/** The route a path belongs to: `/monitoring/` → `/monitoring`, `/x?y` → `/other`. */
export function routeName(pathname: string): string {
  const path = pathname.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/';
  if ((KNOWN_ROUTES as readonly string[]).includes(path)) return path;
  if (path.startsWith('/alerts/')) return '/alerts/:id';
  return '/other';
}
