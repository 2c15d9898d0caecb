import type { AuditLogRepository } from '@taurine/store';
import type { Principal } from './principal.ts';

/** Who did something, as the audit log stores it. */
export interface AuditActor {
  name: string;
  /** A role, `anonymous` for callers without a valid key, or `system` for the server itself. */
  role: string;
}

/** One state-changing operation to record. */
export interface AuditRecord {
  actor: AuditActor;
  /** What was done, e.g. `mutation:clearCache` or `cli:keys.create`. */
  action: string;
  /** The operation's arguments; secrets are redacted before they are stored. */
  args: unknown;
  /** `ok` or an error code such as `FORBIDDEN`. */
  result: string;
  /** Anything else worth keeping (redacted like `args`). */
  details?: unknown;
}

/** Writes audit entries without ever failing the operation it records. */
export interface AuditRecorder {
  /** Redacts and appends; resolves (never rejects) once stored or once storing failed. */
  record(record: AuditRecord): Promise<void>;
}

/** What the redaction replaces a secret with. */
export const REDACTED = '[redacted]';

/**
 * Argument names whose values are secrets: anything with key, secret, password, token, credential,
 * authorization, cookie or dsn in its name, and names ending in url (`url`, `webhookUrl`,
 * `smtpUrl`: URLs carry passwords and webhook tokens). Case-insensitive.
 */
export const SECRET_NAME_PATTERN =
  /key|secret|passw|pwd|token|credential|authorization|cookie|dsn|url$/i;

/**
 * Names that match {@link SECRET_NAME_PATTERN} but never hold a secret, so the log stays useful
 * (which cache key was deleted, which API key was revoked).
 */
export const NOT_SECRET_NAMES: readonly string[] = [
  'cacheKey',
  'cacheKeys',
  'keyPattern',
  'keyId',
  'keyPrefix',
];

/** Strings that are secrets wherever they appear: API keys and credentials inside URLs. */
const SECRET_VALUE_PATTERNS: readonly [RegExp, string][] = [
  [/tk_[0-9a-f]{8}_[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/(\/\/)[^/\s:@]*:[^/\s@]*@/g, `$1${REDACTED}@`],
];

/** Bounds of {@link redactSecrets}. */
export interface RedactionOptions {
  /** Deeper values become `"[truncated]"`. @default 8 */
  maxDepth?: number;
  /** Entries kept per object or array. @default 100 */
  maxEntries?: number;
  /** Characters kept per string. @default 1000 */
  maxStringLength?: number;
  /** Extra names that are never secrets. @default NOT_SECRET_NAMES */
  notSecretNames?: readonly string[];
}

/**
 * A JSON-safe copy of `value` with secrets replaced by `"[redacted]"`: values under secret-looking
 * names (recursively), API keys and URL credentials inside any string. Bounded in depth, entries
 * and string length; cycles, functions, symbols and bigints become strings. `__proto__` keys stay
 * plain data.
 */
export function redactSecrets(value: unknown, options: RedactionOptions = {}): unknown {
  const {
    maxDepth = 8,
    maxEntries = 100,
    maxStringLength = 1000,
    notSecretNames = NOT_SECRET_NAMES,
  } = options;
  const seen = new WeakSet<object>();

  const visit = (node: unknown, depth: number): unknown => {
    if (node === null || typeof node === 'boolean') return node;
    if (typeof node === 'number') return Number.isFinite(node) ? node : String(node);
    if (typeof node === 'string') return scrub(node, maxStringLength);
    if (typeof node === 'bigint') return node.toString();
    if (typeof node !== 'object') return node === undefined ? null : `[${typeof node}]`;
    if (node instanceof Date) return Number.isNaN(node.getTime()) ? null : node.toISOString();
    if (depth >= maxDepth) return '[truncated]';
    if (seen.has(node)) return '[circular]';
    seen.add(node);
    try {
      if (Array.isArray(node)) {
        const items = node.slice(0, maxEntries).map((item: unknown) => visit(item, depth + 1));
        if (node.length > maxEntries) items.push(`[${node.length - maxEntries} more]`);
        return items;
      }
      const names = Object.keys(node);
      const entries = names.slice(0, maxEntries).map((name): [string, unknown] => {
        const isSecret = SECRET_NAME_PATTERN.test(name) && !notSecretNames.includes(name);
        const child = (node as Record<string, unknown>)[name];
        return [name, isSecret && child != null ? REDACTED : visit(child, depth + 1)];
      });
      if (names.length > maxEntries) entries.push(['…', `${names.length - maxEntries} more`]);
      // fromEntries defines properties, so a `__proto__` name stays an own data property.
      return Object.fromEntries(entries);
    } finally {
      seen.delete(node);
    }
  };
  return visit(value, 0);
}

function scrub(text: string, maxLength: number): string {
  let result = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  for (const [pattern, replacement] of SECRET_VALUE_PATTERNS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}

/** The audit actor for a principal: the key's name and role, or `anonymous`. */
export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'key'
    ? { name: principal.name, role: principal.role }
    : { name: 'anonymous', role: 'anonymous' };
}

/** Options of {@link createAuditRecorder}. */
export interface AuditRecorderOptions {
  repo: AuditLogRepository;
  /** @default Date.now */
  now?: () => number;
  /** Bounds and exceptions of the redaction. @default the {@link redactSecrets} defaults */
  redaction?: RedactionOptions;
  /** Told when an entry could not be stored (the operation has succeeded regardless). */
  onError?: (error: unknown) => void;
}

/** Redacts and appends audit entries; a failing store is reported to `onError`, never thrown. */
export function createAuditRecorder(options: AuditRecorderOptions): AuditRecorder {
  const { repo, now = Date.now, redaction, onError } = options;
  return {
    async record({ actor, action, args, result, details }) {
      try {
        await repo.append({
          at: now(),
          actorName: actor.name || 'unknown',
          actorRole: actor.role || 'unknown',
          action,
          arguments: redactSecrets(args ?? {}, redaction),
          result,
          details: details === undefined ? null : redactSecrets(details, redaction),
        });
      } catch (error) {
        try {
          onError?.(error);
        } catch {
          // A failing error reporter must not reach the caller either.
        }
      }
    },
  };
}
