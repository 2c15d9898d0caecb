import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { ApiKeySetting } from '../components/api-key-dialog.tsx';
import { LoadingStatus } from '../components/loading-status.tsx';
import { usePageViews } from '../hooks/use-page-views.ts';
import { RouteErrorBoundary } from './route-error-boundary.tsx';

const NAV_ITEMS = [
  { to: '/', label: 'Calculator', end: true },
  { to: '/monitoring', label: 'Monitoring', end: false },
  { to: '/dashboards', label: 'Dashboards', end: false },
  { to: '/alerts', label: 'Alerts', end: false },
  { to: '/performance', label: 'Performance', end: false },
  { to: '/load-tests', label: 'Load tests', end: false },
  { to: '/reports', label: 'Reports', end: false },
  { to: '/demo', label: 'Demo', end: false },
] as const;

/**
 * The page frame: skip link, top navigation, the routed page, footer. With `?kiosk` (wall screens)
 * and embeds (`?embed`) only the page itself is shown: no navigation, settings or footer.
 */
export function AppLayout() {
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  // An embedded dashboard (`?embed`, in another site's iframe) is framed like a wall screen.
  const kiosk = searchParams.has('kiosk') || searchParams.has('embed');
  const main = useRef<HTMLElement>(null);
  const previousPathname = useRef(pathname);
  const navId = useId();
  // On phones the links fold behind a "Menu" button (CSS shows the button below 40rem only).
  const [menuOpen, setMenuOpen] = useState(false);
  usePageViews();

  // After client-side navigation, move focus to the new page as a full page load would. Comparing
  // paths (not "is this the first run") keeps StrictMode's double effects from stealing focus.
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    setMenuOpen(false);
    main.current?.focus();
  }, [pathname]);

  return (
    <div className={kiosk ? 'shell shell--kiosk' : 'shell'} data-kiosk={kiosk || undefined}>
      {kiosk ? null : (
        <a className="skip-link" href="#main">
          Skip to content
        </a>
      )}
      {kiosk ? null : (
        <header className="topbar">
          <div className="topbar__inner">
            <NavLink to="/" className="brand" aria-label="Taurine home">
              <span className="brand__mark" aria-hidden="true">
                T
              </span>
              Taurine
            </NavLink>
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => {
                setMenuOpen(!menuOpen);
              }}
            >
              Menu
            </button>
            <nav id={navId} aria-label="Main" data-open={menuOpen}>
              <ul className="nav">
                {NAV_ITEMS.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className="nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <ApiKeySetting />
          </div>
        </header>
      )}
      <main id="main" ref={main} tabIndex={-1} className="main">
        <RouteErrorBoundary key={pathname}>
          <Suspense fallback={<LoadingStatus />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      {kiosk ? null : (
        <footer className="footer">
          <p>
            Taurine · caffeine guidance from EFSA: 400 mg a day and 200 mg at once (3 mg/kg) for
            healthy adults. Not medical advice.
          </p>
        </footer>
      )}
    </div>
  );
}
