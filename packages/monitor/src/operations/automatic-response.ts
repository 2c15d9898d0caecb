/** The automatic responses, each off until an admin switches it on. */
export const AUTOMATIC_RESPONSES = [
  'rewarmCache',
  'relieveMemory',
  'shedLoad',
  'raiseTtl',
] as const;
export type AutomaticResponseName = (typeof AUTOMATIC_RESPONSES)[number];

/** What each response does, for the API and the audit log. */
export const AUTOMATIC_RESPONSE_DESCRIPTIONS: Readonly<Record<AutomaticResponseName, string>> = {
  rewarmCache: 'Clear and re-warm the catalogue cache on a sustained low hit rate',
  relieveMemory: 'Trim the memory cache tier and run a full GC under memory pressure',
  shedLoad:
    'Answer 429 to anonymous non-essential traffic while the error rate or event-loop delay is past its limit (calculator traffic is kept)',
  raiseTtl: 'Double a cache key family’s TTL while its keys are reloaded often',
};

/** An admin's settings of one response. */
export interface ResponseSettings {
  enabled: boolean;
  /** Decide and record, but change nothing. */
  dryRun: boolean;
  /** Least time between two actions. */
  cooldownMs: number;
  /** Most actions (dry runs included) in any hour. */
  maxPerHour: number;
}

/** Settings of a response nobody has touched: off. */
export const DEFAULT_RESPONSE_SETTINGS: ResponseSettings = {
  enabled: false,
  dryRun: false,
  cooldownMs: 10 * 60_000,
  maxPerHour: 3,
};

/** Bounds an admin's settings must respect. */
export const RESPONSE_SETTING_LIMITS = {
  cooldownMs: { min: 10_000, max: 24 * 3_600_000 },
  maxPerHour: { min: 1, max: 60 },
} as const;

/** The figures responses are triggered by, read once per evaluation. Null: no data. */
export interface ResponseSignals {
  /** Share of cache lookups answered by a tier over the last minutes, 0..1. */
  cacheHitRate: number | null;
  /** Lookups behind `cacheHitRate`. */
  cacheLookups: number;
  /** Heap used / heap limit, 0..1. */
  heapUsedRatio: number | null;
  /** Server errors per request, 0..1. */
  errorRate: number | null;
  /** Event-loop delay p99 in ms. */
  eventLoopP99Ms: number | null;
  /** Key families with their loads per hour and current TTL. */
  cacheFamilies: readonly { family: string; loadsPerHour: number; ttlMs: number }[];
}

/** Limits past which each response's condition holds, as data. */
export const RESPONSE_TRIGGERS = {
  rewarmCache: { belowHitRate: 0.5, minLookups: 50 },
  relieveMemory: { heapUsedRatio: 0.85 },
  shedLoad: { errorRate: 0.1, eventLoopP99Ms: 500 },
  raiseTtl: { loadsPerHour: 60, maxTtlMs: 24 * 3_600_000 },
  /** How long a condition must hold before a response acts. */
  sustainMs: 60_000,
} as const;

/** Whether a response's condition holds, with the figures that say so. */
export interface ResponseCondition {
  holds: boolean;
  figures: Record<string, number>;
  /** What the response acts on (a key family for `raiseTtl`). */
  subject: string | null;
}

const none: ResponseCondition = { holds: false, figures: {}, subject: null };

/** Evaluates each response's condition over the signals. Pure. */
export function responseConditions(
  signals: ResponseSignals,
  triggers: typeof RESPONSE_TRIGGERS = RESPONSE_TRIGGERS,
): Record<AutomaticResponseName, ResponseCondition> {
  const { cacheHitRate, cacheLookups, heapUsedRatio, errorRate, eventLoopP99Ms } = signals;
  const cold =
    cacheHitRate !== null &&
    cacheLookups >= triggers.rewarmCache.minLookups &&
    cacheHitRate < triggers.rewarmCache.belowHitRate;
  const hottest = [...signals.cacheFamilies]
    .filter(
      (f) =>
        f.loadsPerHour >= triggers.raiseTtl.loadsPerHour && f.ttlMs < triggers.raiseTtl.maxTtlMs,
    )
    .sort((a, b) => b.loadsPerHour - a.loadsPerHour)[0];
  const overloaded =
    (errorRate ?? 0) >= triggers.shedLoad.errorRate ||
    (eventLoopP99Ms ?? 0) >= triggers.shedLoad.eventLoopP99Ms;
  return {
    rewarmCache: cold
      ? { holds: true, figures: { hitRate: cacheHitRate, lookups: cacheLookups }, subject: null }
      : none,
    relieveMemory:
      heapUsedRatio !== null && heapUsedRatio >= triggers.relieveMemory.heapUsedRatio
        ? { holds: true, figures: { heapUsedRatio }, subject: null }
        : none,
    shedLoad: overloaded
      ? {
          holds: true,
          figures: { errorRate: errorRate ?? 0, eventLoopP99Ms: eventLoopP99Ms ?? 0 },
          subject: null,
        }
      : none,
    raiseTtl: hottest
      ? {
          holds: true,
          figures: { loadsPerHour: hottest.loadsPerHour, ttlMs: hottest.ttlMs },
          subject: hottest.family,
        }
      : none,
  };
}

/** The unit of a response figure, from its name: `…Rate`/`…Ratio` are ratios, `…Ms` are ms. */
export function responseFigureUnit(label: string): string {
  if (label.endsWith('Ms')) return 'ms';
  if (label.endsWith('Rate') || label.endsWith('Ratio')) return 'ratio';
  return '';
}
