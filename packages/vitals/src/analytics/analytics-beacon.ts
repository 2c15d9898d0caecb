import { SESSION_ID_PATTERN } from '../rum-batch.ts';
import { normaliseRoute } from './app-routes.ts';
import { foldFeatureName } from './feature-names.ts';

/**
 * The visitor-analytics beacon (`POST /analytics`): one browser tab's running totals. Every beacon
 * carries the totals since the tab's session began, never increments, so a lost beacon is made
 * good by the next one and a repeated one adds nothing; `seq` orders them.
 */
export interface AnalyticsBeacon {
  /** The tab's anonymous session id (sessionStorage; no cookie, nothing personal). */
  sessionId: string;
  /** 1 for the tab's first beacon, one more for each later beacon. */
  seq: number;
  /** Milliseconds since the tab's session began. */
  durationMs: number;
  /** Page views per route pattern since the session began (unknown routes folded). */
  pageViews: Record<string, number>;
  /** Uses per feature since the session began (unknown features folded). */
  features: Record<string, number>;
  /** True when the tab is going away (`pagehide`): the session ends with this beacon. */
  ended: boolean;
}

/** Bounds of a beacon, enforced by {@link parseAnalyticsBeacon}. */
export const ANALYTICS_LIMITS = {
  maxBytes: 16 * 1024,
  /** Distinct keys in `pageViews` or `features` (before folding). */
  maxKeys: 50,
  /** Longest key accepted in `pageViews` or `features`. */
  maxKeyLength: 200,
  /** Largest total of one route or feature in a session. */
  maxCount: 100_000,
  maxSeq: 1_000_000_000,
  /** A tab's session is at most a week long. */
  maxDurationMs: 7 * 24 * 3_600_000,
} as const;

export type AnalyticsBeaconParse =
  { ok: true; beacon: AnalyticsBeacon } | { ok: false; problems: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** A totals object (`{ key: whole count }`), each key folded by `fold` and the counts summed. */
function parseTotals(
  field: string,
  raw: unknown,
  fold: (key: string) => string,
  problems: string[],
): Record<string, number> {
  const { maxKeys, maxKeyLength, maxCount } = ANALYTICS_LIMITS;
  if (raw === undefined) return {};
  if (!isRecord(raw) || Object.keys(raw).length > maxKeys) {
    problems.push(`${field} must be an object of at most ${maxKeys} entries`);
    return {};
  }
  const totals: Record<string, number> = {};
  for (const [key, count] of Object.entries(raw)) {
    if (key.length > maxKeyLength || !isWhole(count, 0, maxCount)) {
      problems.push(
        `${field}["${key.slice(0, 40)}"] must be a whole count from 0 to ${maxCount} under a key of at most ${maxKeyLength} characters`,
      );
      continue;
    }
    const folded = fold(key);
    totals[folded] = Math.min(maxCount, (totals[folded] ?? 0) + count);
  }
  return totals;
}

/**
 * Validates a parsed `/analytics` body against {@link ANALYTICS_LIMITS}: routes are normalised to
 * the app's patterns (`/other` for the rest), features outside the allow-list fold into `other`.
 * Returns the beacon or every problem found; never throws.
 */
export function parseAnalyticsBeacon(body: unknown): AnalyticsBeaconParse {
  if (!isRecord(body)) return { ok: false, problems: ['body must be a JSON object'] };
  const problems: string[] = [];
  const { sessionId, seq, durationMs, ended } = body;
  if (typeof sessionId !== 'string' || !SESSION_ID_PATTERN.test(sessionId))
    problems.push('sessionId must be 8 to 64 letters, digits, "_" or "-"');
  if (!isWhole(seq, 1, ANALYTICS_LIMITS.maxSeq))
    problems.push(`seq must be a whole number from 1 to ${ANALYTICS_LIMITS.maxSeq}`);
  if (!isWhole(durationMs, 0, ANALYTICS_LIMITS.maxDurationMs))
    problems.push(
      `durationMs must be whole milliseconds from 0 to ${ANALYTICS_LIMITS.maxDurationMs}`,
    );
  if (ended !== undefined && typeof ended !== 'boolean')
    problems.push('ended must be true or false');
  const pageViews = parseTotals('pageViews', body['pageViews'], normaliseRoute, problems);
  const features = parseTotals('features', body['features'], foldFeatureName, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    beacon: {
      sessionId: sessionId as string,
      seq: seq as number,
      durationMs: durationMs as number,
      pageViews,
      features,
      ended: ended === true,
    },
  };
}
