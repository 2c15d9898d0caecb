const STORAGE_KEY = 'taurine.sessionId';

let memoryId: string | undefined;

const randomId = (): string => {
  // randomUUID exists only in secure contexts (https, localhost); getRandomValues exists everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
};

/**
 * The anonymous visitor id the server counts active users and conversions by: 32 hex characters,
 * kept in localStorage so it survives reloads. Falls back to a per-tab id when storage is blocked.
 */
export function getSessionId(): string {
  if (memoryId !== undefined) return memoryId;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored !== null && /^[a-f0-9]{32}$/.test(stored)) {
      memoryId = stored;
      return stored;
    }
    memoryId = randomId();
    localStorage.setItem(STORAGE_KEY, memoryId);
  } catch {
    memoryId ??= randomId();
  }
  return memoryId;
}
