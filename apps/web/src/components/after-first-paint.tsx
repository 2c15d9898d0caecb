import { startTransition, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * Renders its children once the browser is idle after the page's first paint, in a transition:
 * secondary panels (insight, cache tiers and operations, suggestions) then cost their own short
 * tasks instead of lengthening the one that paints the page's key numbers. Nothing waits for a
 * scroll, so the panels are there within a moment whatever the viewport. Without
 * `requestIdleCallback` (Safari) a short timeout stands in.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const show = () => {
      startTransition(() => {
        setReady(true);
      });
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(show, { timeout: 1000 });
      return () => {
        cancelIdleCallback(handle);
      };
    }
    const handle = setTimeout(show, 50);
    return () => {
      clearTimeout(handle);
    };
  }, []);

  return ready ? children : null;
}
