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
export { BROWSER_CACHE_TIERS, DEVICE_TYPES, RUM_LIMITS, parseRumBatch } from './rum-batch.ts';
export type {
  BrowserCacheTier,
  CacheTierCounts,
  DeviceType,
  RumBatch,
  RumBatchParse,
  VitalReport,
} from './rum-batch.ts';
