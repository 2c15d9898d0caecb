/** A GraphQL response body as the tests read it. */
export interface GraphQLResponse<TData> {
  data?: TData;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL-over-HTTP POST of one operation to `/graphql`, for `yoga.fetch` (no socket). */
export function graphqlRequest(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Request {
  return new Request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}
