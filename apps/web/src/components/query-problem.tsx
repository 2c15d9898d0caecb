import type { CombinedError } from '@urql/core';
import { getApiKey } from '../lib/api-key.ts';

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

/**
 * The server's own words for a refused request: the part of its message after the last "; "
 * ("Query.snapshot needs a viewer key (x-api-key); invalid or revoked key" → "invalid or revoked
 * key"), or the whole message.
 */
export function serverReason(error: CombinedError): string {
  const message = error.graphQLErrors[0]?.message ?? error.message;
  return message
    .split('; ')
    .at(-1)!
    .replace(/^Unauthorized: /, '');
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
      <p>
        {kind === 'needs-key' && getApiKey() !== null
          ? `The server refused this browser's API key: ${serverReason(error)}. Set another with the “API key” button at the top.`
          : MESSAGES[kind]}
      </p>
      {kind === 'failed' ? <p className="muted">{error.message}</p> : null}
      {onRetry === undefined ? null : (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
