import { useId, useRef, useState } from 'react';
import { getApiKey, maskApiKey, setApiKey } from '../lib/api-key.ts';

/**
 * The "API key" setting: a button showing whether a key is set, and a dialog to enter or remove
 * it. Dashboards need a viewer key once the server enforces keys; acknowledging and resolving
 * alerts need an operator key. Saving reloads the page so every request and the WebSocket use it.
 */
export function ApiKeySetting({
  reload = () => {
    window.location.reload();
  },
}: {
  reload?: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [current] = useState(getApiKey);
  const [draft, setDraft] = useState('');

  return (
    <>
      <button
        type="button"
        className="api-key-button"
        aria-haspopup="dialog"
        onClick={() => {
          setDraft('');
          dialog.current?.showModal();
        }}
      >
        <span aria-hidden="true">{current === null ? '○' : '●'}</span> API key
        <span className="visually-hidden">{current === null ? ' (not set)' : ' (set)'}</span>
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`}>
        <form
          method="dialog"
          onSubmit={(event) => {
            const submitter = event.nativeEvent.submitter as HTMLButtonElement;
            if (submitter.value === 'cancel') return;
            setApiKey(submitter.value === 'remove' ? null : draft);
            reload();
          }}
        >
          <h2 id={`${id}-title`}>API key</h2>
          <p className="muted">
            Sent as <code>x-api-key</code> with every request from this browser. A viewer key shows
            the dashboards; acknowledging or resolving alerts needs an operator key. Stored in this
            browser only.
          </p>
          <p>
            Current key: <strong>{current === null ? 'none' : maskApiKey(current)}</strong>
          </p>
          <div className="field">
            <label htmlFor={`${id}-key`}>New key</label>
            <input
              id={`${id}-key`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
              }}
            />
          </div>
          <div className="dialog__actions">
            <button type="submit" value="cancel" className="button button--secondary">
              Cancel
            </button>
            {current === null ? null : (
              <button type="submit" value="remove" className="button button--secondary">
                Remove key
              </button>
            )}
            <button
              type="submit"
              value="save"
              className="button button--primary"
              disabled={draft.trim() === ''}
            >
              Save and reload
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
