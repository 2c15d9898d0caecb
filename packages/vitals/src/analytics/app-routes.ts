/**
 * The SPA's route patterns, as its router declares them: the only values the `route` tag of
 * page views (and Web Vitals) takes. Keep in step with `apps/web/src/app/router.tsx`.
 */
export const APP_ROUTES = [
  '/',
  '/monitoring',
  '/alerts',
  '/alerts/:id',
  '/dashboards',
  '/dashboards/:id',
  '/performance',
  '/reports',
  '/load-tests',
  '/demo',
];

/** Where every path the router does not know is counted, so a typo cannot create a series. */
export const OTHER_ROUTE = '/other';

const PATTERNS = APP_ROUTES.map((pattern) => ({
  pattern,
  regex: new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}$`),
}));

/**
 * The route pattern a path belongs to: `/monitoring/` → `/monitoring`, `/alerts/42` →
 * `/alerts/:id`, a pattern stays itself, anything else (`/wp-admin.php`, `/x?y`) → `/other`.
 * Query and fragment are ignored.
 */
export function normaliseRoute(path: string): string {
  const pathname = path.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/';
  if (APP_ROUTES.includes(pathname)) return pathname;
  return PATTERNS.find(({ regex }) => regex.test(pathname))?.pattern ?? OTHER_ROUTE;
}
