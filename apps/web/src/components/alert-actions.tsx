import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/gql.ts';
import { problemKind } from './query-problem.tsx';

const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!, $comment: String) {
    acknowledgeAlert(id: $id, comment: $comment) {
      __typename
      ... on Alert {
        id
        status
        acknowledgedAt
        acknowledgedBy
      }
      ... on AlertActionError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

const ResolveAlertMutation = graphql(`
  mutation ResolveAlert($id: ID!, $comment: String) {
    resolveAlert(id: $id, comment: $comment) {
      __typename
      ... on Alert {
        id
        status
        resolvedAt
        resolvedBy
      }
      ... on AlertActionError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/**
 * Acknowledge and resolve buttons for one alert (an operator key is needed). Shows the outcome in
 * words: the new status, the server's reason for refusing, or that the key is not allowed to.
 */
export function AlertActions({ id, status }: { id: string; status: string }) {
  const [acknowledged, acknowledge] = useMutation(AcknowledgeAlertMutation);
  const [resolved, resolve] = useMutation(ResolveAlertMutation);
  const [current, setCurrent] = useState(status.toUpperCase());
  const [message, setMessage] = useState<string | null>(null);
  const busy = acknowledged.fetching || resolved.fetching;

  const run = async (action: 'acknowledge' | 'resolve') => {
    setMessage(null);
    const result = action === 'acknowledge' ? await acknowledge({ id }) : await resolve({ id });
    if (result.error) {
      const kind = problemKind(result.error);
      setMessage(
        kind === 'forbidden' || kind === 'needs-key'
          ? 'This needs an operator API key.'
          : 'The server could not be reached.',
      );
      return;
    }
    const outcome =
      result.data && 'acknowledgeAlert' in result.data
        ? result.data.acknowledgeAlert
        : result.data && 'resolveAlert' in result.data
          ? result.data.resolveAlert
          : undefined;
    if (outcome?.__typename === 'Alert') setCurrent(outcome.status);
    else if (outcome) setMessage(outcome.message);
  };

  const open = current === 'FIRING' || current === 'PENDING' || current === 'NO_DATA';
  return (
    <span className="alert-actions" data-testid={`alert-actions-${id}`} data-status={current}>
      {current === 'FIRING' ? (
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={busy}
          onClick={() => void run('acknowledge')}
        >
          Acknowledge
        </button>
      ) : null}
      {open || current === 'ACKNOWLEDGED' ? (
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={busy}
          onClick={() => void run('resolve')}
        >
          Resolve
        </button>
      ) : null}
      {current === 'ACKNOWLEDGED' || current === 'RESOLVED' ? (
        <span className="alert-actions__status">{current.toLowerCase()}</span>
      ) : null}
      {message === null ? null : (
        <span className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
