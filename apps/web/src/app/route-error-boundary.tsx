import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface RouteErrorBoundaryProps {
  children: ReactNode;
}

interface RouteErrorBoundaryState {
  error: Error | null;
}

/**
 * Catches a page that fails to render or whose code cannot be loaded; the usual cause after a
 * deploy is a chunk whose hash changed, which a reload fixes. The layout keys it by path, so
 * navigating elsewhere clears the error.
 */
export class RouteErrorBoundary extends Component<
  RouteErrorBoundaryProps,
  RouteErrorBoundaryState
> {
  override state: RouteErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): RouteErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Route failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="panel route-error" role="alert">
        <h1>Something went wrong</h1>
        <p>This page could not be shown. Reloading usually helps after an update.</p>
        <p className="muted">{error.message}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload
        </button>
      </div>
    );
  }
}
