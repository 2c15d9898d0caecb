import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { ChannelLogQuery } from '../api/channels.ts';
import { DeliveryLog } from './delivery-log.tsx';

/** The last notifications bound for one channel (operator key). */
export function ChannelLog({ channel }: { channel: string }) {
  const [{ data, error }, reexecute] = useQuery({
    query: ChannelLogQuery,
    variables: { channel },
    requestPolicy: 'cache-and-network',
  });
  if (error)
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  if (data === undefined) return <p className="muted">Loading the log…</p>;
  return (
    <DeliveryLog
      deliveries={data.notificationLog}
      show="alert"
      empty="Nothing was sent through this channel yet."
    />
  );
}
