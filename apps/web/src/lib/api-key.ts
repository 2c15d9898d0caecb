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

/**
 * Takes a key handed over in the address's fragment (`/monitoring?kiosk#key=tk_…`, e.g. a wall
 * screen's bookmark): stores it like the "API key" setting does and removes it from the address
 * bar with `history.replaceState`, so it is neither shown nor kept in the history. The fragment
 * never reaches the server or its logs. Other fragment parameters stay. Returns whether a key
 * was taken.
 */
export function adoptApiKeyFromFragment(
  location: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
): boolean {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = fragment.get('key');
  if (key === null) return false;
  fragment.delete('key');
  const rest = fragment.toString();
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`,
  );
  if (key.trim() === '') return false;
  setApiKey(key);
  return true;
}
