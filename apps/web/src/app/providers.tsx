import type { ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { client } from '../lib/urql-client.ts';

/** App-wide context: the one GraphQL client. */
export function AppProviders({ children }: { children: ReactNode }) {
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}
