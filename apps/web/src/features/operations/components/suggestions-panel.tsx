import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { SuggestionsQuery } from '../api/suggestions.ts';
import { figureText } from './figure-text.ts';
import './operations.css';

const SEVERITY_LABEL: Record<string, string> = {
  CRITICAL: 'critical',
  WARNING: 'warning',
  INFO: 'info',
};

/**
 * Optimisation suggestions for the monitoring page: each with its severity, what to do, the
 * figures behind it, the expected gain and a link to its chart. Refetched on request only (the
 * rules read the last hour, so they change slowly).
 */
export function SuggestionsPanel() {
  const id = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SuggestionsQuery });
  const suggestions = data?.suggestions ?? [];
  return (
    <section
      className="panel suggestions"
      aria-labelledby={`${id}-title`}
      data-testid="suggestions"
    >
      <div className="suggestions__head">
        <h2 id={`${id}-title`} className="panel__title">
          Suggestions
        </h2>
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={fetching}
          onClick={() => {
            refetch({ requestPolicy: 'network-only' });
          }}
        >
          Refresh
        </button>
      </div>
      {error === undefined ? null : <QueryProblem error={error} />}
      {data !== undefined && suggestions.length === 0 ? (
        <p className="muted" data-testid="no-suggestions">
          Nothing to suggest over the last hour.
        </p>
      ) : null}
      <ul className="suggestions__list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id} className="suggestion" data-severity={suggestion.severity}>
            <p className="suggestion__title">
              <span
                className={`severity severity--${SEVERITY_LABEL[suggestion.severity] ?? 'info'}`}
              >
                {SEVERITY_LABEL[suggestion.severity] ?? suggestion.severity}
              </span>{' '}
              {suggestion.title}
            </p>
            <p className="suggestion__action">{suggestion.action}</p>
            <p className="hint">
              {suggestion.evidence.map(figureText).join(' · ')} — expected:{' '}
              {suggestion.expectedGain}
              {' · '}
              <Link to={suggestion.chartLink}>chart</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
