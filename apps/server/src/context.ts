import type { YogaInitialContext } from 'graphql-yoga';
import type { AccessContext } from './access/use-access-control.ts';
import type { Services } from './services.ts';

/** What the context factory adds to every operation. */
export interface AppContext {
  services: Services;
  /** A stable, anonymous visitor id sent by the SPA (`x-session-id`), for active-user counts. */
  sessionId: string | null;
}

/** What every resolver receives: yoga's request context, the wired services and the caller. */
export type GraphQLContext = YogaInitialContext & AppContext & AccessContext;
