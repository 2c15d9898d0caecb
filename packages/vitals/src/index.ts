export {
  VITAL_NAMES,
  VITAL_RATINGS,
  VITAL_THRESHOLDS,
  isVitalName,
  isVitalRating,
  rateVital,
} from './vital-thresholds.ts';
export type { VitalName, VitalRating } from './vital-thresholds.ts';
export {
  INTERACTION_TYPES,
  MAX_TARGET_LENGTH,
  MAX_URL_LENGTH,
  TARGETED_VITALS,
  VITAL_PHASES,
  normaliseAttribution,
  sanitiseTarget,
  sanitiseUrl,
} from './vital-attribution.ts';
export type { InteractionType, VitalAttribution, VitalPhase } from './vital-attribution.ts';
export {
  BROWSER_CACHE_TIERS,
  DEVICE_TYPES,
  RUM_LIMITS,
  SESSION_ID_PATTERN,
  parseRumBatch,
} from './rum-batch.ts';
export type {
  BrowserCacheTier,
  CacheTierCounts,
  DeviceType,
  RumBatch,
  RumBatchParse,
  VitalReport,
} from './rum-batch.ts';
export { APP_ROUTES, OTHER_ROUTE, normaliseRoute } from './analytics/app-routes.ts';
export {
  FEATURE_NAMES,
  OTHER_FEATURE,
  foldFeatureName,
  isFeatureName,
} from './analytics/feature-names.ts';
export type { FeatureName } from './analytics/feature-names.ts';
export { ANALYTICS_LIMITS, parseAnalyticsBeacon } from './analytics/analytics-beacon.ts';
export type { AnalyticsBeacon, AnalyticsBeaconParse } from './analytics/analytics-beacon.ts';
export { VisitLedger } from './analytics/visit-ledger.ts';
export type { ClosedVisit, VisitLedgerOptions, VisitUpdate } from './analytics/visit-ledger.ts';
