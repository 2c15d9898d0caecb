import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { AppConfig } from '../config.ts';

export type { Logger } from 'pino';

/**
 * The server's logger: one JSON line per event on stdout (or `destination`), at `config.logLevel`,
 * each line stamped with the service and instance.
 */
export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'instanceId' | 'service'>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    base: { service: config.service.name, instance: config.instanceId },
  };
  // Synchronous on stdout: lines keep their order, and the last ones are out before an exit.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** Field names whose values are never logged (a Slack or webhook URL is itself a credential). */
const SECRET_NAME = /key|secret|password|token|webhookurl/i;
/** `scheme://user:pass@host`: the credentials part. */
const URL_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i;

/**
 * A copy of `value` safe to log: every field whose name contains key, secret, password, token or
 * webhookUrl reads `***` (when set), and credentials in URLs (`user:pass@`) read `***@`. Sets become arrays.
 */
export function maskSecrets(value: unknown, name = ''): unknown {
  if (SECRET_NAME.test(name) && value !== undefined && value !== null && value !== '') return '***';
  if (typeof value === 'string') return value.replace(URL_CREDENTIALS, '$1***@');
  if (value instanceof Set) return maskSecrets([...(value as Set<unknown>)], name);
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([field, inner]) => [field, maskSecrets(inner, field)]),
    );
  return value;
}

/** The configuration as logged at start: every field, secrets masked. */
export function configSummary(config: AppConfig): Record<string, unknown> {
  return maskSecrets(config) as Record<string, unknown>;
}

/** Logs a failure the server absorbs and serves through (Redis down, an audit write lost). */
export type LogFailure = (message: string, error?: unknown) => void;
