import { useId, useState } from 'react';
import { getApiKey, maskApiKey, setApiKey } from '../lib/api-key.ts';

/**
 * The one panel a dashboard shows when it may not read its data: what is needed (a viewer key),
 * the three ways to get there, and a field to paste a key right here (on a wall screen in kiosk
 * mode, the one-time prompt). With a key that the server refused, it says so with the server's
 * reason ("invalid or revoked key").
 */
export function AccessRequiredPanel({
  what,
  refusedReason,
  onRetry,
  reload = () => {
    window.location.reload();
  },
}: {
  /** What the page shows, e.g. "The monitoring dashboard". */
  what: string;
  /** The server's reason when it refused the key this browser sent; null when none was sent. */
  refusedReason: string | null;
  onRetry: () => void;
  reload?: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const current = getApiKey();
  const refused = refusedReason !== null;

  return (
    <section
      className="panel access-panel"
      aria-labelledby={`${id}-title`}
      data-testid="access-panel"
      data-access={refused ? 'key-refused' : 'needs-key'}
    >
      <h2 id={`${id}-title`} className="access-panel__title">
        {refused ? 'The server refused this API key' : `${what} needs an API key`}
      </h2>
      {refused ? (
        <p role="alert" className="access-panel__reason">
          The key {current === null ? '' : <code>{maskApiKey(current)}</code>} was refused:{' '}
          <strong data-testid="access-reason">{refusedReason}</strong>. Ask for a new key, or paste
          another one below.
        </p>
      ) : (
        <p>
          {what} shows server data that only callers with a <strong>viewer</strong> key (or an
          operator or admin key) may read. This browser has not sent one.
        </p>
      )}
      <ol className="access-panel__ways">
        <li>
          Paste a key below (or use the <strong>API key</strong> button in the top bar). It is kept
          in this browser only and sent as <code>x-api-key</code>.
        </li>
        <li>
          No key yet? On the server&apos;s machine, run{' '}
          <code>npm run keys -- create --role viewer</code>: it prints a new key once.
        </li>
        <li>
          For a read-only wall screen without keys, start the server with{' '}
          <code>PUBLIC_DASHBOARD=true</code>.
        </li>
      </ol>
      <form
        className="access-panel__form"
        onSubmit={(event) => {
          event.preventDefault();
          setApiKey(draft);
          reload();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-key`}>Viewer key</label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="tk_…"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={draft.trim() === ''}>
          Use this key
        </button>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Check again
        </button>
      </form>
    </section>
  );
}
