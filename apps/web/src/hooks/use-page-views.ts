import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { recordPageView } from '../lib/analytics/analytics-tracker.ts';

/**
 * Counts a page view (visitor analytics) for every navigation: each history entry the router
 * creates has its own key, so StrictMode's repeated effects and re-renders count once, and going
 * back to a page counts again, as a page load would.
 */
export function usePageViews(): void {
  const { key, pathname } = useLocation();
  const counted = useRef<string | null>(null);
  useEffect(() => {
    if (counted.current === key) return;
    counted.current = key;
    recordPageView(pathname);
  }, [key, pathname]);
}
