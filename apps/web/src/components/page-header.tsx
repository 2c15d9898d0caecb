import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  children?: ReactNode;
}

/** A page's one `h1`, its lead paragraph, and the document title. */
export function PageHeader({ title, children }: PageHeaderProps) {
  return (
    <header className="page-header">
      <title>{`${title} · Taurine`}</title>
      <h1>{title}</h1>
      {children === undefined ? null : <div className="page-header__lead">{children}</div>}
    </header>
  );
}
