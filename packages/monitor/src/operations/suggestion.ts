/** How urgent a suggestion is. */
export const SUGGESTION_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type SuggestionSeverity = (typeof SUGGESTION_SEVERITIES)[number];

/** The rules that produce suggestions, one per kind of finding. */
export const SUGGESTION_RULES = [
  'slowOperation',
  'slowField',
  'nPlusOne',
  'largeResponse',
  'lowHitRate',
  'shortTtl',
  'evictedWhileHot',
  'poorLcp',
  'heapGrowth',
] as const;
/** A rule, or `automaticResponse`: a response's condition holds while it is off. */
export type SuggestionRule = (typeof SUGGESTION_RULES)[number] | 'automaticResponse';

/** One figure behind a suggestion, e.g. `p95 = 840 ms`. */
export interface SuggestionFigure {
  label: string;
  value: number;
  /** `ms`, `ratio`, `bytes`, `MB/h`, `` for a plain count. */
  unit: string;
}

/**
 * One optimisation suggestion: what to change, the figures that show why, what it should gain
 * and the chart to look at (a metric and its tags).
 */
export interface Suggestion {
  /** Stable per rule and subject (`slowOperation:FlavorList`): the same finding keeps its id. */
  id: string;
  rule: SuggestionRule;
  severity: SuggestionSeverity;
  /** The operation, field, cache key, route or `heap` the finding is about. */
  subject: string;
  title: string;
  /** What to do. */
  action: string;
  evidence: SuggestionFigure[];
  /** The expected gain in words with a number, e.g. `about 600 ms off p95`. */
  expectedGain: string;
  chart: { metric: string; tags: Record<string, string> };
}

/** One GraphQL operation over the window. */
export interface OperationStatistics {
  name: string;
  count: number;
  p95Ms: number;
  /** p95 response size; null when not measured. */
  p95Bytes: number | null;
}

/** One resolver (`Type.field`) over the window, from the sampled field timing. */
export interface FieldStatistics {
  path: string;
  /** Resolver calls timed. */
  count: number;
  p95Ms: number;
  /** Calls of this resolver within one operation, p95 over the sampled operations. */
  callsPerOperationP95: number;
}

/** One cache key over the window, from the server's key watch. */
export interface CacheKeyStatistics {
  key: string;
  lookups: number;
  /** Lookups answered without the loader, 0..1; null without lookups. */
  hitRate: number | null;
  ttlMs: number;
  /** Mean time between two lookups of the key; null with fewer than two. */
  meanAccessIntervalMs: number | null;
  /** Loads that happened before the previous value's TTL ran out (evicted or invalidated). */
  earlyReloads: number;
}

/** One SPA route's LCP from real browsers. */
export interface RouteVitalStatistics {
  route: string;
  samples: number;
  lcpP75Ms: number;
  /** The element most often responsible for the LCP (CSS selector), if known. */
  element: string | null;
}

/** Heap used after GC at one moment. */
export interface HeapSample {
  at: number;
  heapUsedBytes: number;
}

/** Everything the suggestion rules read: a window of statistics, however it was gathered. */
export interface OperationsStatistics {
  /** Window length the figures cover (for rates). */
  windowMs: number;
  operations: readonly OperationStatistics[];
  fields: readonly FieldStatistics[];
  cacheKeys: readonly CacheKeyStatistics[];
  routes: readonly RouteVitalStatistics[];
  heap: readonly HeapSample[];
}
