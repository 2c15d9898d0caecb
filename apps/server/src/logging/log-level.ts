/** The levels `LOG_LEVEL` accepts: pino's, most verbose first, and `silent` for none. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * `LOG_LEVEL`: one of {@link LOG_LEVELS}, any case. Unset or empty: `info`, or `silent` under
 * `NODE_ENV=test` so test runs print nothing unless they ask. An invalid value is added to
 * `problems` and the default stands.
 */
export function readLogLevel(
  env: Record<string, string | undefined>,
  problems: string[],
): LogLevel {
  const fallback: LogLevel = env.NODE_ENV === 'test' ? 'silent' : 'info';
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw.trim() === '') return fallback;
  const level = raw.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return fallback;
}
