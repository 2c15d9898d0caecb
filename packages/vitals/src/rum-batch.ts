import { normaliseAttribution } from './vital-attribution.ts';
import type { VitalAttribution } from './vital-attribution.ts';
import { VITAL_NAMES, VITAL_THRESHOLDS, isVitalName, isVitalRating } from './vital-thresholds.ts';
import type { VitalName, VitalRating } from './vital-thresholds.ts';

/** The device classes `/rum` accepts, as CrUX splits its data. */
export const DEVICE_TYPES = ['mobile', 'tablet', 'desktop'] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** The browser's own cache tiers, as `/rum` and the dashboard name them. */
export const BROWSER_CACHE_TIERS = ['serviceWorker', 'localStorage'] as const;

export type BrowserCacheTier = (typeof BROWSER_CACHE_TIERS)[number];

/** Hits and misses of one browser cache tier since the previous batch. */
export interface CacheTierCounts {
  tier: BrowserCacheTier;
  hits: number;
  misses: number;
}

/** One measured vital; `rating` is the browser's claim, `attribution` says what caused it. */
export interface VitalReport {
  name: VitalName;
  value: number;
  id: string;
  rating?: VitalRating;
  attribution?: VitalAttribution;
}

/** The `/rum` body: one page's vitals and cache counts, sent when the page is hidden. */
export interface RumBatch {
  route: string;
  device: DeviceType;
  sessionId: string | null;
  vitals: VitalReport[];
  cache: CacheTierCounts[];
}

/** Bounds of a batch, enforced by {@link parseRumBatch} and respected by the tracker. */
export const RUM_LIMITS = {
  /** Largest accepted body: a page's whole batch is far smaller. */
  maxBytes: 64 * 1024,
  maxVitals: 50,
  /** Longest route accepted; longer than {@link RUM_LIMITS.routeTagLength} is cut. */
  maxRouteLength: 200,
  routeTagLength: 100,
  maxIdLength: 100,
  /** Largest hit or miss count of a cache tier in one batch. */
  maxCacheCount: 1_000_000,
} as const;

/** An anonymous session id as beacons carry it: 8 to 64 letters, digits, `_` or `-`. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export type RumBatchParse = { ok: true; batch: RumBatch } | { ok: false; problems: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= 0 &&
  value <= RUM_LIMITS.maxCacheCount;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

function parseRoute(raw: unknown, problems: string[]): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.length > RUM_LIMITS.maxRouteLength) {
    problems.push(
      `route must be a path starting with "/" of at most ${RUM_LIMITS.maxRouteLength} characters`,
    );
    return '/';
  }
  // Query strings and fragments would explode the tag's cardinality.
  return raw.split(/[?#]/)[0]!.slice(0, RUM_LIMITS.routeTagLength);
}

function parseVital(entry: unknown, index: number, problems: string[]): VitalReport | null {
  if (!isRecord(entry)) {
    problems.push(`vitals[${index}] must be an object`);
    return null;
  }
  const { name, value, id } = entry;
  if (!isVitalName(name)) {
    problems.push(`vitals[${index}].name must be one of ${VITAL_NAMES.join(', ')}`);
    return null;
  }
  const max = VITAL_THRESHOLDS[name].max;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    problems.push(`vitals[${index}].value must be a finite number from 0 to ${max}`);
    return null;
  }
  const report: VitalReport = {
    name,
    value,
    id: typeof id === 'string' ? id.slice(0, RUM_LIMITS.maxIdLength) : `${name}-${index}`,
  };
  // Both are best effort: a wrong rating or attribution is dropped, the measurement is kept.
  if (isVitalRating(entry['rating'])) report.rating = entry['rating'];
  const attribution = normaliseAttribution(name, entry['attribution']);
  if (Object.keys(attribution).length > 0) report.attribution = attribution;
  return report;
}

function parseVitals(raw: unknown, problems: string[]): VitalReport[] {
  if (!Array.isArray(raw) || raw.length > RUM_LIMITS.maxVitals) {
    problems.push(`vitals must be an array of at most ${RUM_LIMITS.maxVitals} entries`);
    return [];
  }
  // CLS and INP are reported again as they change: the last report of an id wins.
  const byId = new Map<string, VitalReport>();
  raw.forEach((entry: unknown, index) => {
    const report = parseVital(entry, index, problems);
    if (report === null) return;
    byId.delete(report.id);
    byId.set(report.id, report);
  });
  return [...byId.values()];
}

function parseCache(raw: unknown, problems: string[]): CacheTierCounts[] {
  if (!Array.isArray(raw) || raw.length > BROWSER_CACHE_TIERS.length) {
    problems.push(`cache must be an array of at most ${BROWSER_CACHE_TIERS.length} entries`);
    return [];
  }
  const cache: CacheTierCounts[] = [];
  raw.forEach((entry: unknown, index) => {
    if (
      !isRecord(entry) ||
      !oneOf(BROWSER_CACHE_TIERS, entry['tier']) ||
      !isCount(entry['hits']) ||
      !isCount(entry['misses'])
    ) {
      problems.push(
        `cache[${index}] must be { tier: ${BROWSER_CACHE_TIERS.join(' | ')}, hits, misses } with whole counts`,
      );
      return;
    }
    cache.push({ tier: entry['tier'], hits: entry['hits'], misses: entry['misses'] });
  });
  return cache;
}

/**
 * Validates a parsed `/rum` body against {@link RUM_LIMITS}; returns the batch, with attribution
 * normalised, or every problem found. Never throws.
 */
export function parseRumBatch(body: unknown): RumBatchParse {
  if (!isRecord(body)) return { ok: false, problems: ['body must be a JSON object'] };
  const problems: string[] = [];
  const route = parseRoute(body['route'], problems);
  const rawDevice = body['device'] ?? 'desktop';
  const device = oneOf(DEVICE_TYPES, rawDevice) ? rawDevice : null;
  if (device === null) problems.push(`device must be one of ${DEVICE_TYPES.join(', ')}`);
  const rawSession = body['sessionId'];
  const sessionId =
    typeof rawSession === 'string' && SESSION_ID_PATTERN.test(rawSession) ? rawSession : null;
  const vitals = parseVitals(body['vitals'] ?? [], problems);
  const cache = parseCache(body['cache'] ?? [], problems);
  if (problems.length > 0 || device === null) return { ok: false, problems };
  return { ok: true, batch: { route, device, sessionId, vitals, cache } };
}
