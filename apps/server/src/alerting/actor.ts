/**
 * Who performed an alerting mutation, for the transition log and silences: the name of the
 * caller's API key (`context.principal`, set by the access layer), or `api` for callers without
 * one. Read structurally so this works before and after the access layer is wired.
 */
export function alertingActorName(context: object): string {
  const principal = (context as { principal?: { kind?: unknown; name?: unknown } | null })
    .principal;
  return principal?.kind === 'key' &&
    typeof principal.name === 'string' &&
    principal.name.trim() !== ''
    ? principal.name
    : 'api';
}
