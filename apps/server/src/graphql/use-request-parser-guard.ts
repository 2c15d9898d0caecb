import { createGraphQLError } from 'graphql-yoga';
import type { Plugin } from 'graphql-yoga';

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * Turns a malformed GraphQL-over-HTTP request that yoga's parser does not catch into HTTP 400
 * with a `BAD_REQUEST` GraphQL error instead of a masked 500. yoga 5.24 runs `JSON.parse` on the
 * `variables` and `extensions` parameters of GET and form-encoded POST requests unguarded, so
 * `GET /graphql?query={__typename}&variables={` answered 500 (found by the fuzz suite); and it
 * checks the types of `query`, `variables` and `extensions` but not of `operationName`, so
 * `{"operationName": 1}` reached code that expects a string; a batch item that is not an object
 * (`[null]`) crashed the persisted-operations plugin.
 */
export function useRequestParserGuard(): Plugin {
  return {
    onParams({ params }) {
      // A batch item may be anything (`[null, 1]`). yoga refuses non-objects, but only after the
      // persisted-operations plugin read `null.query` (a masked INTERNAL_SERVER_ERROR): refuse
      // them here first, with yoga's own message.
      const raw: unknown = params;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw createGraphQLError(`Expected params to be an object but given ${typeOf(raw)}.`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
      const { operationName } = raw as { operationName?: unknown };
      if (operationName == null || typeof operationName === 'string') return;
      throw createGraphQLError(
        `Expected "operationName" param to be a string, but given ${typeOf(operationName)}.`,
        { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
      );
    },
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser === undefined) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError(
            'Invalid request: the variables and extensions parameters must be JSON',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        }
      });
    },
  };
}
