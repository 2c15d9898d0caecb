import { useState } from 'react';
import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { NotificationChannelsQuery } from '../api/channels.ts';
import { emptyChannel } from '../hooks/use-channel-form.ts';
import { ChannelCard } from './channel-card.tsx';
import { ChannelForm } from './channel-form.tsx';
import { GatedButton } from './gated-button.tsx';

const NO_SECRETS: ReadonlySet<string> = new Set();

/**
 * The notification channels (an operator key reads them), with "New channel", Edit, Delete and
 * "Send test" for admin keys, and each channel's notification log.
 */
export function ChannelList({
  readReason,
  adminReason,
}: {
  /** Why this key may not read channels; null when it may. */
  readReason: string | null;
  adminReason: string | null;
}) {
  const [{ data, error }, reexecute] = useQuery({
    query: NotificationChannelsQuery,
    pause: readReason !== null,
  });
  const [creating, setCreating] = useState(false);
  const refetch = () => {
    reexecute({ requestPolicy: 'network-only' });
  };
  if (readReason !== null)
    return <p className="muted">Channels are shown to operator and admin keys ({readReason}).</p>;
  if (error) return <QueryProblem error={error} onRetry={refetch} />;
  const channels = data?.notificationChannels ?? [];
  return (
    <>
      {creating ? (
        <ChannelForm
          initial={emptyChannel()}
          channelId={null}
          secretsSet={NO_SECRETS}
          onDone={() => {
            setCreating(false);
            refetch();
          }}
        />
      ) : (
        <GatedButton
          className="button button--small"
          reason={adminReason}
          onClick={() => {
            setCreating(true);
          }}
        >
          New channel
        </GatedButton>
      )}
      {data !== undefined && channels.length === 0 ? (
        <p className="muted">No channel yet: add one, or set one with environment variables.</p>
      ) : null}
      <ul className="card-list" data-testid="channel-list">
        {channels.map((channel) => (
          <ChannelCard
            key={channel.id}
            channel={channel}
            adminReason={adminReason}
            onChanged={refetch}
          />
        ))}
      </ul>
    </>
  );
}
