import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { API_KEY_PATTERN } from './access/api-keys.ts';
import { checkAlertChannelEnv, readAlertChannelEnv } from './alerting/channel-env.ts';
import type { AlertChannelEnv } from './alerting/channel-env.ts';

/** Validated server configuration. Every field has an embedded default so `npm start` needs none. */
export interface AppConfig {
  /** TCP port. @default 4000 */
  port: number;
  /** Interface to bind. @default '0.0.0.0' */
  host: string;
  /** Directory for the SQLite file and other local state. @default './data' */
  dataDir: string;
  /** `postgres://…` to share durable state between instances; SQLite under `dataDir` otherwise. */
  databaseUrl: string | undefined;
  /** `redis://…` for the shared cache tier, invalidation bus and subscription fan-out. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel, so several deployments can share one Redis. @default 'taurine:' */
  redisPrefix: string;
  /** Collection tick: snapshot, rule evaluation and rollup flush. @default 30000 */
  collectIntervalMs: number;
  /** Largest accepted request body in bytes; larger bodies get HTTP 413. @default 1048576 */
  maxBodyBytes: number;
  /** Directory holding the built SPA; `null` when the SPA is served by Vite in development. */
  webDistDir: string | null;
  /** `development` turns on GraphiQL and introspection by default. */
  environment: 'development' | 'production' | 'test';
  /** Standard tags stamped on every metric. */
  service: { name: string; version: string; region: string; deployment: string };
  /** Identifies this instance in shared stores (rollups, locks). @default the host name */
  instanceId: string;
  /** Serve GraphiQL at GET /graphql (for exploration). @default true */
  graphiql: boolean;
  /** Load the catalogue basics into the cache at start-up. @default true */
  cacheWarmOnStart: boolean;
  /** Answer schema introspection queries (GraphiQL needs it). @default true */
  introspection: boolean;
  /** Bootstrap admin key (`tk_…`); without it one is generated at first start and printed once. */
  adminApiKey: string | undefined;
  /** Let callers without a key read the dashboard data (no secrets, no channels). @default false */
  publicDashboard: boolean;
  /** Take client addresses from `X-Forwarded-For` (only behind a trusted proxy). @default false */
  trustProxy: boolean;
  /** Origins allowed to call the API from a browser; empty = same origin only. */
  corsOrigins: string[];
  /** Only accept operations the SPA shipped (persisted documents), for locked-down deployments. @default false */
  persistedOperationsOnly: boolean;
  /** Requests per minute per client address without a key. @default 3000 */
  anonymousRateLimit: number;
  /** Notification channels configured through the environment. */
  alertChannels: AlertChannelEnv;
}

/** Raised at start-up when the environment holds an invalid value; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const ENVIRONMENTS = ['development', 'production', 'test'] as const;

/**
 * Reads and validates the configuration from environment variables. Unknown variables are ignored;
 * every invalid one is reported with its name, the value received and what was expected.
 */
export function loadConfig(env: Env, defaults: { webDistDir?: string | null } = {}): AppConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const url = (name: string, schemes: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const parsed = new URL(raw);
      if (!schemes.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
      }
    } catch {
      // The value may hold a password: never echo it.
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const rawEnvironment = env.NODE_ENV ?? 'development';
  const environment = (ENVIRONMENTS as readonly string[]).includes(rawEnvironment)
    ? (rawEnvironment as AppConfig['environment'])
    : (problems.push(
        `NODE_ENV must be one of ${ENVIRONMENTS.join(', ')} (got "${rawEnvironment}")`,
      ),
      'development');

  const port = integer('PORT', 4000, 0, 65535);
  const config: AppConfig = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX ?? 'taurine:',
    collectIntervalMs: integer('COLLECT_INTERVAL_MS', 30_000, 100, 3_600_000),
    maxBodyBytes: integer('MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    webDistDir: defaults.webDistDir ?? null,
    environment,
    service: {
      name: env.SERVICE_NAME ?? 'taurine',
      version: env.SERVICE_VERSION ?? '0.1.0',
      region: env.REGION ?? 'local',
      deployment: env.DEPLOYMENT ?? 'default',
    },
    // Stable across restarts (rollups are reloaded by instance id); set one per instance per host.
    instanceId: env.INSTANCE_ID ?? hostname(),
    graphiql: boolean('GRAPHIQL', true),
    cacheWarmOnStart: boolean('CACHE_WARM_ON_START', true),
    introspection: boolean('GRAPHQL_INTROSPECTION', true),
    adminApiKey: env.ADMIN_API_KEY === '' ? undefined : env.ADMIN_API_KEY,
    publicDashboard: boolean('PUBLIC_DASHBOARD', false),
    trustProxy: boolean('TRUST_PROXY', false),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    persistedOperationsOnly: boolean('PERSISTED_OPERATIONS_ONLY', false),
    anonymousRateLimit: integer('RATE_LIMIT_ANONYMOUS', 3000, 1, 1_000_000),
    alertChannels: readAlertChannelEnv(
      env,
      env.DASHBOARD_URL ?? `http://localhost:${port || 4000}/monitoring`,
    ),
  };

  if (config.adminApiKey !== undefined && !API_KEY_PATTERN.test(config.adminApiKey)) {
    problems.push(
      'ADMIN_API_KEY must be a Taurine key (tk_…): create one with `npm run keys -- generate`',
    );
  }
  for (const origin of config.corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(
        `CORS_ORIGINS entries must be origins like https://example.com (got "${origin}")`,
      );
  }
  problems.push(...checkAlertChannelEnv(config.alertChannels));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
