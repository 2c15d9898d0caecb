import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { NotificationChannelsQuery, SendTestNotificationMutation } from '../api/alerts.ts';

/** The notification channels, each with a "Send test" button (admin key). */
export function ChannelList() {
  const [{ data, error }, reexecute] = useQuery({ query: NotificationChannelsQuery });
  const [, sendTest] = useMutation(SendTestNotificationMutation);
  const [results, setResults] = useState<Record<string, string>>({});
  if (error)
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  const channels = data?.notificationChannels ?? [];
  if (data !== undefined && channels.length === 0) {
    return (
      <p className="muted">No channel is configured (see the server&apos;s channel settings).</p>
    );
  }
  return (
    <ul className="channel-list">
      {channels.map((channel) => (
        <li key={channel.id}>
          <strong>{channel.name}</strong>{' '}
          <span className="muted">{channel.type.toLowerCase()}</span>
          {channel.enabled ? null : <span className="muted"> · disabled</span>}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              setResults((current) => ({ ...current, [channel.id]: 'Sending…' }));
              void sendTest({ channelId: channel.id }).then((result) => {
                const outcome = result.data?.sendTestNotification;
                const text = result.error
                  ? 'Needs an admin API key.'
                  : outcome?.__typename === 'TestNotification'
                    ? outcome.delivered
                      ? 'Delivered'
                      : `Not delivered: ${outcome.reason ?? `status ${outcome.status ?? '?'}`}`
                    : (outcome?.message ?? 'Failed');
                setResults((current) => ({ ...current, [channel.id]: text }));
              });
            }}
          >
            Send test
          </button>
          {results[channel.id] ? <span role="status"> {results[channel.id]}</span> : null}
        </li>
      ))}
    </ul>
  );
}
