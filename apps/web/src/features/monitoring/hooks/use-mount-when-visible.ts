import { startTransition, useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** How far below the screen a chart starts drawing, so it is ready when scrolled to. */
const AHEAD = '50% 0px';

/**
 * True once the element has been on (or near) the screen after the page's first paint. Charts draw
 * their plot then, in a transition, instead of all five in the task that renders the page: the
 * numbers come first and the plots below the fold cost nothing until they are scrolled to. Once
 * true it stays true. Without IntersectionObserver it turns true when the browser is idle.
 */
export function useMountWhenVisible(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (visible) return;
    const show = () => {
      startTransition(() => {
        setVisible(true);
      });
    };
    let observer: IntersectionObserver | undefined;
    const watch = () => {
      const element = ref.current;
      if (element === null || typeof IntersectionObserver === 'undefined') {
        show();
        return;
      }
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) show();
        },
        { rootMargin: AHEAD },
      );
      observer.observe(element);
    };
    // After the first paint: the page's own render is one task, each plot is another.
    let cancel: () => void;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(watch, { timeout: 1000 });
      cancel = () => {
        cancelIdleCallback(handle);
      };
    } else {
      const handle = setTimeout(watch, 50);
      cancel = () => {
        clearTimeout(handle);
      };
    }
    return () => {
      cancel();
      observer?.disconnect();
    };
  }, [visible, ref]);

  return visible;
}
