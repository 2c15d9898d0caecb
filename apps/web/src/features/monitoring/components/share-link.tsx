import { useState } from 'react';

/**
 * "Share": a link to this dashboard with the range locked to the instants on screen, so whoever
 * opens it later sees the same data. Copied to the clipboard where the browser allows it.
 */
export function ShareLink({ url }: { url: string }) {
  const [shown, setShown] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="share-link">
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => {
          setShown(url);
          setCopied(false);
          // Only secure contexts (https, localhost) have a clipboard.
          (navigator.clipboard as Clipboard | undefined)?.writeText(url).then(
            () => {
              setCopied(true);
            },
            () => {
              setCopied(false);
            },
          );
        }}
      >
        Share link
      </button>
      {shown === null ? null : (
        <label className="share-link__field">
          <span className="visually-hidden">Link with this time range</span>
          <input
            readOnly
            value={shown}
            data-testid="share-url"
            onFocus={(event) => {
              event.target.select();
            }}
          />
          <span className="muted" role="status">
            {copied ? 'Copied' : 'Copy this link'}
          </span>
        </label>
      )}
    </div>
  );
}
