import type { ReactNode } from 'react';

interface ComingSoonProps {
  /** What the page will show, as a short list. */
  items: readonly string[];
  children?: ReactNode;
}

/** An honest placeholder: what will appear here, and that it is not built yet. */
export function ComingSoon({ items, children }: ComingSoonProps) {
  return (
    <section className="panel coming-soon" aria-label="What this page will show">
      <p className="badge">Arrives with the metrics engine</p>
      <ul className="coming-soon__list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {children}
    </section>
  );
}
