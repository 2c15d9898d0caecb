import { readFileSync } from 'node:fs';

/**
 * The SPA's persisted documents (`apps/web/src/gql/persisted-documents.json`, written by GraphQL
 * Code Generator's client preset): SHA-256 hash → document. Clients send the hash
 * (`extensions.persistedQuery.sha256Hash`) instead of the text, which keeps GET URLs short (and so
 * cacheable by the Service Worker) and lets a locked-down deployment run only known documents.
 * A missing or unreadable file gives an empty map: the API then serves full documents only.
 */
export function loadPersistedDocuments(path: string | null): Map<string, string> {
  if (path === null) return new Map();
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    const documents = new Map<string, string>();
    for (const [key, document] of Object.entries(parsed)) {
      // Codegen writes `sha256:<hex>`; clients send the bare hex (Apollo's APQ format).
      const hash = key.replace(/^sha256:/, '');
      if (/^[0-9a-f]{64}$/.test(hash) && typeof document === 'string') {
        documents.set(hash, document);
      }
    }
    return documents;
  } catch {
    return new Map();
  }
}
