import type { CombinedError } from 'urql';

interface TypedOutcome {
  __typename?: string;
  message?: string;
  errors?: readonly { field: string; message: string }[];
}

/**
 * What went wrong with a mutation, as field → message (`form` for the whole form): null when it
 * returned `okTypename`. Typed errors (`ValidationError`, `NotFoundError`) name their fields;
 * a refused or failed request says so in words.
 */
export function mutationProblem(
  error: CombinedError | undefined,
  outcome: TypedOutcome | undefined,
  okTypename: string,
): Record<string, string> | null {
  if (error !== undefined) {
    const code = error.graphQLErrors[0]?.extensions['code'];
    if (code === 'FORBIDDEN') return { form: 'Your API key’s role may not do this.' };
    if (code === 'UNAUTHENTICATED') return { form: 'This needs an API key (top bar).' };
    return { form: error.graphQLErrors[0]?.message ?? 'The server could not be reached.' };
  }
  if (outcome === undefined) return { form: 'The server gave no answer.' };
  if (outcome.__typename === okTypename) return null;
  const problems: Record<string, string> = {};
  for (const fieldError of outcome.errors ?? []) {
    const field = fieldError.field.split(/[.[]/)[0] ?? '';
    const key = field === 'forMs' ? 'forSeconds' : field === '' ? 'form' : field;
    problems[key] = problems[key] ?? fieldError.message;
  }
  problems['form'] ??= outcome.message ?? 'Refused.';
  return problems;
}
