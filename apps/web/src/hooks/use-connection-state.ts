import { useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import type { ConnectionState } from '../lib/live-connection.ts';
import { connectionOf } from '../lib/urql-client.ts';

/** The state of the WebSocket behind this client's subscriptions, re-rendering on changes. */
export function useConnectionState(): ConnectionState {
  const connection = connectionOf(useClient());
  return useSyncExternalStore(connection.onStateChange, connection.getState, connection.getState);
}
