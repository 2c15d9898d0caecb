/**
 * Test helpers for the monitoring code and whatever measures with it (`@taurine/monitor/testing`):
 * a seeded random generator and the path of Prometheus' `promtool`. Not part of the runtime API.
 */
export { requirePromtool } from './promtool.ts';
export { seededRandom } from './seeded-random.ts';
export {
  gaussian,
  latencyHistory,
  latencySample,
  sketchWindowStats,
  statsBetween,
} from './synthetic-history.ts';
export type { TimedSample } from './synthetic-history.ts';
