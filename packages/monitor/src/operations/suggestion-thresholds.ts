/** When each suggestion rule speaks up, as data (the rules read these, never literals). */
export const SUGGESTION_THRESHOLDS = {
  /** Requests an operation, field or key needs in the window before it is judged. */
  minSamples: 20,
  slowOperationP95Ms: 500,
  /** p95 at which a slow operation or field becomes critical. */
  criticalP95Ms: 2000,
  slowFieldP95Ms: 100,
  /** Identical resolver calls per operation (p95) that look like N+1. */
  nPlusOneCalls: 20,
  largeResponseBytes: 100 * 1024,
  lowHitRate: 0.5,
  /** Early reloads (evictions of a hot key) that deserve a look. */
  evictedWhileHot: 3,
  /** LCP p75 above this is poor (Core Web Vitals). */
  poorLcpMs: 4000,
  /** The web-vitals "needs improvement" band starts here. */
  lcpNeedsImprovementMs: 2500,
  /** Heap growth per hour (after GC) worth a suggestion. */
  heapGrowthBytesPerHour: 32 * 1024 * 1024,
  /** Heap samples needed for a growth trend. */
  heapMinSamples: 6,
} as const;

export type SuggestionThresholds = { -readonly [K in keyof typeof SUGGESTION_THRESHOLDS]: number };
