import type { Generated } from 'kysely';

/** Kinds of business event the calculator reports. */
export const CALCULATOR_EVENT_TYPES = ['calculation', 'affiliate_click'] as const;
/** A business event kind: a calculation done or an affiliate link clicked. */
export type CalculatorEventType = (typeof CALCULATOR_EVENT_TYPES)[number];

/** Metric kinds a rollup can summarise. */
export const METRIC_KINDS = ['counter', 'gauge', 'distribution'] as const;
/** The kind of metric a rollup row summarises. */
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Rollup bucket widths, finest first (minute rollups are down-sampled to 5 minutes and hours). */
export const RESOLUTIONS = ['1m', '5m', '1h'] as const;
/** The width of a rollup bucket. */
export type Resolution = (typeof RESOLUTIONS)[number];

/** Table `calculator_events`: one row per business event. Times are epoch milliseconds. */
export interface CalculatorEventTable {
  id: Generated<number>;
  type: CalculatorEventType;
  flavor_id: string;
  session_id: string | null;
  /** JSON text, or null when the event had no payload. */
  payload: string | null;
  created_at: number;
}

/**
 * Table `metric_rollups`: one row per instance, series, resolution and bucket. The primary key is
 * (instance_id, series_key, resolution, bucket_start), so every instance writes its own rows and
 * any instance can merge them.
 */
export interface MetricRollupTable {
  instance_id: string;
  series_key: string;
  name: string;
  /** JSON text of the series' tags. */
  tags: string;
  kind: MetricKind;
  resolution: Resolution;
  bucket_start: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Last gauge value in the bucket; null for other kinds. */
  last: number | null;
  /** Opaque serialised quantile sketch; null when the kind has none. */
  sketch: string | null;
}

/** API key roles, least privileged first: viewer < operator < admin. */
export const API_KEY_ROLES = ['viewer', 'operator', 'admin'] as const;
/** What an API key may do; each role includes the ones before it. */
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * Table `api_keys`: one row per key. Only the SHA-256 `hash` of the key is stored; `prefix` is
 * public (it is part of the key and shown in lists) and finds the row. Times are epoch ms.
 */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  hash: string;
  /** Named rate-limit policy overriding the role's default (e.g. `third-party`); null = role's. */
  rate_limit_policy: string | null;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** Table `audit_log`: one row per state-changing operation, appended and never updated. */
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_name: string;
  actor_role: string;
  action: string;
  /** JSON text of the operation's arguments, secrets already redacted by the caller. */
  arguments: string;
  /** `ok` or an error code. */
  result: string;
  /** JSON text, or null. */
  details: string | null;
}

/** The Kysely table map of the Taurine database, as the migrations leave it. */
export interface Database {
  calculator_events: CalculatorEventTable;
  metric_rollups: MetricRollupTable;
  api_keys: ApiKeyTable;
  audit_log: AuditLogTable;
}
