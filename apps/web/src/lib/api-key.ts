const STORAGE_KEY = 'taurine.apiKey';

/** The header the server reads API keys from (and the `connectionParams` key on graphql-ws). */
export const API_KEY_HEADER = 'x-api-key';

/**
 * The API key this browser sends with every GraphQL request, or null for none. Stored in
 * localStorage: the dashboards need a viewer key once the server enforces keys, and
 * acknowledging or resolving an alert needs an operator key. The calculator never needs one.
 */
export function getApiKey(): string | null {
  try {
    const key = localStorage.getItem(STORAGE_KEY);
    return key === null || key.trim() === '' ? null : key.trim();
  } catch {
    return null;
  }
}

/** Stores the key (trimmed); an empty or null key removes it. */
export function setApiKey(key: string | null): void {
  try {
    if (key === null || key.trim() === '') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, key.trim());
  } catch {
    // Storage blocked (private mode, quota): the key lasts until the page reloads at most.
  }
}

/** `tau_ab12…` → `tau_ab12…wxyz`: enough to recognise a key without showing it. */
export function maskApiKey(key: string): string {
  return key.length <= 12 ? '•'.repeat(key.length) : `${key.slice(0, 8)}…${key.slice(-4)}`;
}
