/** Shown while a route's code loads; announced politely to screen readers. */
export function LoadingStatus({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
