import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';

export const DeliveryLog_NotificationDeliveryFragment = graphql(`
  fragment DeliveryLog_NotificationDeliveryFragment on NotificationDelivery {
    id
    alertName
    channelName
    channelType
    kind
    status
    attemptCount
    lastError
    responseStatus
    createdAt
    sentAt
  }
`);

const time = (iso: string) => new Date(iso).toLocaleString();

/**
 * Notifications as stacked rows (they read on a phone as on a desktop): when, which alert or
 * channel, what kind, and how it went. Channel names and errors are null below operator.
 */
export function DeliveryLog({
  deliveries: refs,
  show,
  empty,
}: {
  deliveries: readonly FragmentType<typeof DeliveryLog_NotificationDeliveryFragment>[];
  /** The column that varies: the alert (a channel's log) or the channel (an alert's log). */
  show: 'alert' | 'channel';
  empty: string;
}) {
  const deliveries = useFragment(DeliveryLog_NotificationDeliveryFragment, refs);
  if (deliveries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="delivery-log" data-testid="delivery-log">
      {deliveries.map((delivery) => (
        <li key={delivery.id} data-kind={delivery.kind} data-status={delivery.status}>
          <time dateTime={delivery.createdAt}>{time(delivery.createdAt)}</time>{' '}
          <strong>{delivery.kind}</strong>{' '}
          {show === 'alert' ? (
            <span>{delivery.alertName}</span>
          ) : (
            <span>
              {/* Channel names are for operators; viewers see the type only. */}
              {delivery.channelName ?? 'a channel'}{' '}
              <span className="muted">({delivery.channelType})</span>
            </span>
          )}{' '}
          ·{' '}
          <span className={`delivery--${delivery.status.toLowerCase()}`}>
            {delivery.status.toLowerCase()}
          </span>
          <span className="muted">
            {' '}
            · {delivery.attemptCount} attempt{delivery.attemptCount === 1 ? '' : 's'}
            {delivery.responseStatus === null ? '' : ` · HTTP ${delivery.responseStatus}`}
          </span>
          {delivery.lastError ? <div className="field-error">{delivery.lastError}</div> : null}
        </li>
      ))}
    </ul>
  );
}
