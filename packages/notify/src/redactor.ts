/** Replaces every occurrence of a known secret in a text. */
export type Redactor = (text: string) => string;

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Builds a redactor for the given secrets. Longer secrets are replaced first so a secret that
 * contains another is removed whole; URL-encoded forms are covered too.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
  }
  const ordered = [...variants].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/**
 * The parts of a URL that may carry a credential: the whole URL, user info, path, query and each
 * path segment or query value of 6+ characters (Slack hook tokens, API keys).
 */
export function secretsOfUrl(url: URL): string[] {
  const secrets = [url.href, `${url.pathname}${url.search}`, url.username, url.password];
  for (const segment of url.pathname.split('/')) {
    if (segment.length >= 6) secrets.push(segment, decodeURIComponent(segment));
  }
  for (const value of url.searchParams.values()) {
    if (value.length >= 6) secrets.push(value);
  }
  if (url.password !== '') secrets.push(decodeURIComponent(url.password));
  return secrets.filter((secret) => secret !== '' && secret !== '/');
}
