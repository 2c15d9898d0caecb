import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AccessContext } from '../access/use-access-control.ts';
import type { LoadShedder } from './load-shedder.ts';

/** Root fields of the calculator's own traffic: never shed. */
export const ESSENTIAL_ROOT_FIELDS: readonly string[] = [
  'flavors',
  'flavor',
  'ingredients',
  'suppliers',
  'supplier',
  'calculate',
  'trackEvent',
  'viewer',
  '__typename',
];

/** REST paths anonymous callers lose while shedding (`/health` and static files never do). */
const SHED_PATHS: readonly string[] = ['/rum'];

const RETRY_AFTER_SECONDS = 30;
const MESSAGE = 'The server is shedding load: try again shortly (calculator requests are served).';

/**
 * Load shedding: while `shedder` is active, anonymous requests that are not the calculator's own
 * (public dashboard reads, subscriptions, `POST /rum`) get HTTP 429 with `Retry-After` and a
 * `LOAD_SHED` error; requests with an API key and calculator operations are served as usual.
 */
export function useLoadShedding(options: { shedder: LoadShedder }): Plugin<AccessContext> {
  const { shedder } = options;
  const refusal = () =>
    new GraphQLError(MESSAGE, {
      extensions: {
        code: 'LOAD_SHED',
        http: { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
      },
    });
  return {
    onRequest(payload) {
      const { request, url, fetchAPI } = payload;
      if (!shedder.active() || !SHED_PATHS.includes(url.pathname)) return;
      if (request.headers.has('x-api-key') || request.headers.has('authorization')) return;
      payload.endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: MESSAGE }] }), {
          status: 429,
          headers: {
            'content-type': 'application/json',
            'retry-after': String(RETRY_AFTER_SECONDS),
          },
        }),
      );
    },
    onExecute({ args, setResultAndStopExecution }) {
      if (!shedder.active() || args.contextValue.principal.kind === 'key') return;
      const operation = (args.document as DocumentNode).definitions.find(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      );
      const essential =
        operation?.kind === Kind.OPERATION_DEFINITION &&
        operation.operation !== OperationTypeNode.SUBSCRIPTION &&
        operation.selectionSet.selections.every(
          (selection) =>
            selection.kind === Kind.FIELD && ESSENTIAL_ROOT_FIELDS.includes(selection.name.value),
        );
      if (!essential) setResultAndStopExecution({ errors: [refusal()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (shedder.active() && args.contextValue.principal.kind !== 'key')
        setResultAndStopExecution({ errors: [refusal()] });
    },
  };
}
