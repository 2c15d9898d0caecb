import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/gql.ts';
import { useViewer } from '../hooks/use-viewer.ts';
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

type Action = 'acknowledge' | 'resolve';

/**
 * Acknowledge and resolve for one alert (an operator key is needed: below that the buttons are
 * disabled with the reason). Each asks for an optional comment, kept in the alert's history.
 * Shows the outcome in words: the new status, or the server's reason for refusing.
 */
export function AlertActions({ id, status }: { id: string; status: string }) {
  const formId = useId();
  const [acknowledged, acknowledge] = useMutation(AcknowledgeAlertMutation);
  const [resolved, resolve] = useMutation(ResolveAlertMutation);
  // The status this control moved the alert to, until the list brings a newer one.
  const [local, setLocal] = useState<{ from: string; to: string } | null>(null);
  const given = status.toUpperCase();
  const current = local !== null && local.from === given ? local.to : given;
  const [message, setMessage] = useState<string | null>(null);
  const [asking, setAsking] = useState<Action | null>(null);
  const [comment, setComment] = useState('');
  const denied = useViewer().reason('OPERATOR');
  const busy = acknowledged.fetching || resolved.fetching;

  const run = async (action: Action) => {
    setMessage(null);
    const variables = { id, comment: comment.trim() === '' ? null : comment.trim() };
    const result =
      action === 'acknowledge' ? await acknowledge(variables) : await resolve(variables);
    setAsking(null);
    setComment('');
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
    if (outcome?.__typename === 'Alert') setLocal({ from: given, to: outcome.status });
    else if (outcome) setMessage(outcome.message);
  };

  const open = current === 'FIRING' || current === 'PENDING' || current === 'NO_DATA';
  const offered: Action[] = [
    ...(current === 'FIRING' ? (['acknowledge'] as const) : []),
    ...(open || current === 'ACKNOWLEDGED' ? (['resolve'] as const) : []),
  ];
  return (
    <span className="alert-actions" data-testid={`alert-actions-${id}`} data-status={current}>
      {asking === null ? (
        offered.map((action) => (
          <button
            key={action}
            type="button"
            className="button button--small button--secondary"
            disabled={busy || denied !== null}
            aria-describedby={denied === null ? undefined : `${formId}-denied`}
            onClick={() => {
              setAsking(action);
            }}
          >
            {action === 'acknowledge' ? 'Acknowledge' : 'Resolve'}
          </button>
        ))
      ) : (
        <CommentForm
          action={asking}
          busy={busy}
          comment={comment}
          onComment={setComment}
          onConfirm={() => void run(asking)}
          onCancel={() => {
            setAsking(null);
          }}
        />
      )}
      {offered.length > 0 && denied !== null ? (
        <span id={`${formId}-denied`} className="muted">
          {denied}
        </span>
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

/** Asks for an optional comment before acknowledging or resolving. */
function CommentForm(props: {
  action: Action;
  busy: boolean;
  comment: string;
  onComment: (comment: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <form
      className="alert-actions__form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onConfirm();
      }}
    >
      <label htmlFor={`${id}-comment`}>Comment (optional)</label>
      <input
        id={`${id}-comment`}
        value={props.comment}
        onChange={(event) => {
          props.onComment(event.target.value);
        }}
      />
      <button type="submit" className="button button--small" disabled={props.busy}>
        {props.action === 'acknowledge' ? 'Confirm acknowledge' : 'Confirm resolve'}
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={props.onCancel}
      >
        Cancel
      </button>
    </form>
  );
}
