import type { CombinedError } from '@urql/core';

/** Why a request failed, in terms of what the person can do about it. */
export type ProblemKind = 'needs-key' | 'forbidden' | 'offline' | 'failed';

/** Sorts an urql error: missing or too weak API key, no network, or anything else. */
export function problemKind(error: CombinedError): ProblemKind {
  const codes = error.graphQLErrors.map((e) => e.extensions['code']);
  const status = (error.response as Response | undefined)?.status;
  if (codes.includes('UNAUTHENTICATED') || status === 401) return 'needs-key';
  if (codes.includes('FORBIDDEN') || status === 403) return 'forbidden';
  if (error.networkError !== undefined) return 'offline';
  return 'failed';
}

const MESSAGES: Record<ProblemKind, string> = {
  'needs-key':
    'This needs an API key (viewer or better). Set one with the “API key” button at the top.',
  forbidden: 'Your API key may not do this: it needs a key with a higher role.',
  offline: 'The server could not be reached. Check the connection, then try again.',
  failed: 'The server answered with an error.',
};

/** A failed query, shown where its data would be, with a retry button. */
export function QueryProblem({
  error,
  onRetry,
  compact = false,
}: {
  error: CombinedError;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const kind = problemKind(error);
  return (
    <div
      className={compact ? 'notice notice--error notice--compact' : 'notice notice--error'}
      role="alert"
      data-problem={kind}
    >
      <p>{MESSAGES[kind]}</p>
      {kind === 'failed' ? <p className="muted">{error.message}</p> : null}
      {onRetry === undefined ? null : (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
