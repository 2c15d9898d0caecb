import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/gql.ts';
import { getApiKey } from '../lib/api-key.ts';
import { AccessRequiredPanel } from './access-required-panel.tsx';
import { LoadingStatus } from './loading-status.tsx';
import { problemKind, serverReason } from './query-problem.tsx';

/** The cheapest read a dashboard needs: it tells whether this browser may see dashboard data. */
export const AccessProbeQuery = graphql(`
  query AccessProbe {
    snapshot {
      at
    }
  }
`);

/** What the probe found out about this browser's access to dashboard data. */
export type AccessState =
  | { kind: 'checking' }
  | { kind: 'allowed' }
  | { kind: 'needs-key' }
  | { kind: 'key-refused'; reason: string };

/** Sorts the probe's answer; errors other than a missing or refused key are the page's to show. */
export function accessState(
  result: { data?: unknown; error?: CombinedError | undefined; fetching: boolean },
  hasKey: boolean,
): AccessState {
  if (result.error !== undefined && problemKind(result.error) === 'needs-key') {
    return hasKey
      ? { kind: 'key-refused', reason: serverReason(result.error) }
      : { kind: 'needs-key' };
  }
  if (result.data === undefined && result.error === undefined) return { kind: 'checking' };
  return { kind: 'allowed' };
}

/**
 * Shows `children` (a dashboard) only when this browser may read dashboard data; otherwise one
 * panel saying what is needed and how to get it, instead of every card and chart failing on its
 * own. A server that cannot be reached lets the page through: it shows its own offline state.
 */
export function AccessGate({ what, children }: { what: string; children: ReactNode }) {
  const [result, reexecute] = useQuery({
    query: AccessProbeQuery,
    requestPolicy: 'network-only',
  });
  const state = accessState(result, getApiKey() !== null);
  if (state.kind === 'checking') return <LoadingStatus />;
  if (state.kind === 'allowed') return <>{children}</>;
  return (
    <AccessRequiredPanel
      what={what}
      refusedReason={state.kind === 'key-refused' ? state.reason : null}
      onRetry={() => {
        reexecute({ requestPolicy: 'network-only' });
      }}
    />
  );
}
