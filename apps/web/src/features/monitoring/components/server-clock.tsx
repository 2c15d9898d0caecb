import { useSubscription } from 'urql';
import { ServerTimeSubscription } from '../api/server-time.ts';

const timeFormat = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZoneName: 'short',
});

/** Live server time pushed over the WebSocket once a second, with the connection state in words. */
export function ServerClock() {
  const [{ data, error }] = useSubscription({
    query: ServerTimeSubscription,
    variables: { intervalMs: 1000 },
  });
  const status = error ? 'disconnected' : data ? 'live' : 'connecting';
  const serverTime = data ? new Date(data.serverTime) : null;

  return (
    <div className="server-clock" data-testid="server-clock">
      <p className={`status status--${status}`}>
        <span className="status__dot" aria-hidden="true" />
        {status === 'live'
          ? 'Live over WebSocket'
          : status === 'connecting'
            ? 'Connecting…'
            : 'Connection lost, retrying…'}
      </p>
      <p className="server-clock__time">
        <span className="muted">Server time </span>
        <time dateTime={data?.serverTime} data-testid="server-time">
          {serverTime ? timeFormat.format(serverTime) : '--:--:--'}
        </time>
      </p>
    </div>
  );
}
