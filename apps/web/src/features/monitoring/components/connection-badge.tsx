import type { ConnectionState } from '../../../lib/live-connection.ts';
import { formatClockTime } from '../utils/clock-format.ts';

/** What the dashboard's data is doing, as shown beside its title. */
export type LiveStatus = 'live' | 'connecting' | 'reconnecting' | 'paused' | 'error';

/** The status from the socket's state, the pause switch and the subscription's error. */
export function liveStatus(
  connection: ConnectionState,
  paused: boolean,
  failed: boolean,
): LiveStatus {
  if (paused) return 'paused';
  if (failed) return 'error';
  if (connection === 'live') return 'live';
  if (connection === 'reconnecting') return 'reconnecting';
  return 'connecting';
}

const WORDS: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
  error: 'Not receiving updates',
};

/** "Live", "Reconnecting…", "Paused": a dot and a word, announced when it changes. */
export function ConnectionBadge({
  status,
  lastUpdate,
}: {
  status: LiveStatus;
  lastUpdate: string | null;
}) {
  return (
    <p
      className={`status status--${status}`}
      role="status"
      data-testid="live-status"
      data-status={status}
    >
      <span className="status__dot" aria-hidden="true" />
      {WORDS[status]}
      {lastUpdate === null ? null : (
        <span className="muted">
          {' '}
          · updated <time dateTime={lastUpdate}>{formatClockTime(Date.parse(lastUpdate))}</time>
        </span>
      )}
    </p>
  );
}
