import { useQuery } from 'urql';
import { graphql } from '../gql/gql.ts';
import type { Role } from '../gql/graphql.ts';

/** The caller's key: name and role (null without a key or with a rejected one). */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      name
      role
    }
  }
`);

const ROLE_ORDER: readonly Role[] = ['VIEWER', 'OPERATOR', 'ADMIN'];

/** What {@link useViewer} returns. */
export interface ViewerAccess {
  /** The key's role; null without a key (or before the answer). */
  role: Role | null;
  /** The key's name, to say whose key is in use. */
  name: string | null;
  /** False until the server answered: controls stay disabled meanwhile. */
  known: boolean;
  /** Null when the key may do what `needed` may; otherwise the reason, e.g. "needs admin". */
  reason(needed: Role): string | null;
}

/** The reason a control is disabled for `role` when it needs `needed`; null when it is allowed. */
export function roleReason(role: Role | null, needed: Role, known = true): string | null {
  if (!known) return 'checking your key…';
  const label = needed.toLowerCase();
  if (role === null) return `needs an ${label} API key`;
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(needed) ? null : `needs ${label}`;
}

/**
 * Which role the page's API key has, from the server (`viewer`), so controls a key may not use
 * are disabled with the reason instead of failing after Save.
 */
export function useViewer(): ViewerAccess {
  const [{ data, error }] = useQuery({ query: ViewerQuery });
  // A server that cannot say (an older one, a network failure) gates nothing: it still refuses
  // what the key may not do, and the control reports that refusal.
  if (error !== undefined) return { role: null, name: null, known: true, reason: () => null };
  const known = data !== undefined;
  const role = data?.viewer?.role ?? null;
  return {
    role,
    name: data?.viewer?.name ?? null,
    known,
    reason: (needed) => roleReason(role, needed, known),
  };
}
