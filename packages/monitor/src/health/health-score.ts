import { healthGrade } from '../insight/grade.ts';
import type { HealthGrade } from '../insight/grade.ts';

/**
 * One 0–100 number for "how is the service doing", shown on the dashboard and watched by the
 * built-in `health.score < 40` rule. Each signal costs points between a threshold where it starts
 * to hurt and one where it costs its full weight, linearly in between; signals with no data cost
 * nothing (no data is not evidence of trouble, and no-data has its own alert state).
 */
export interface HealthInputs {
  /** Share of requests that failed on the server side, 0..1. */
  errorRate: number | null;
  /** API response time p95 in ms. */
  responseTimeP95Ms: number | null;
  /** Event-loop delay p99 in ms. */
  eventLoopDelayP99Ms: number | null;
  /** Heap used as a share of the heap limit, 0..1. */
  heapUsedRatio: number | null;
  /** Overall cache hit rate, 0..1. */
  cacheHitRate: number | null;
  /** Dependencies that are down (e.g. `database`, `redis`). */
  downDependencies: readonly string[];
}

export interface HealthPenalty {
  /** Where the signal starts to cost points. */
  from: number;
  /** Where it costs the full weight. */
  to: number;
  /** Points it can cost at most. */
  weight: number;
}

/** The thresholds and weights, as data (see the module comment). */
export const HEALTH_SCORE_WEIGHTS = {
  errorRate: { from: 0.01, to: 0.1, weight: 35 },
  responseTimeP95Ms: { from: 500, to: 3000, weight: 25 },
  eventLoopDelayP99Ms: { from: 50, to: 500, weight: 10 },
  heapUsedRatio: { from: 0.6, to: 0.95, weight: 10 },
  // Lower is worse for the hit rate: `from` is above `to`.
  cacheHitRate: { from: 0.8, to: 0.3, weight: 10 },
  dependencyDown: { database: 40, default: 10 } as Record<string, number>,
} as const;

const cost = (value: number | null, penalty: HealthPenalty): number => {
  if (value === null || !Number.isFinite(value)) return 0;
  const span = penalty.to - penalty.from;
  const progress = (value - penalty.from) / span;
  return penalty.weight * Math.min(1, Math.max(0, progress));
};

export interface HealthScore {
  score: number;
  /** Points lost per signal, for the dashboard's explanation of the number. */
  penalties: Record<string, number>;
  /** The letter grade of the score (see `HEALTH_GRADE_BANDS`). */
  grade: HealthGrade;
  /**
   * Signals that had no data: they cost nothing, and are named here so a perfect score over
   * nothing measured does not read as a perfect service.
   */
  noData: string[];
}

/** Computes the health score from the current signals. */
export function computeHealthScore(inputs: HealthInputs): HealthScore {
  const w = HEALTH_SCORE_WEIGHTS;
  const penalties: Record<string, number> = {
    errorRate: cost(inputs.errorRate, w.errorRate),
    responseTime: cost(inputs.responseTimeP95Ms, w.responseTimeP95Ms),
    eventLoopDelay: cost(inputs.eventLoopDelayP99Ms, w.eventLoopDelayP99Ms),
    heap: cost(inputs.heapUsedRatio, w.heapUsedRatio),
    cacheHitRate: cost(inputs.cacheHitRate, w.cacheHitRate),
  };
  for (const dependency of inputs.downDependencies) {
    penalties[`${dependency}Down`] =
      w.dependencyDown[dependency] ?? w.dependencyDown['default'] ?? 10;
  }
  const lost = Object.values(penalties).reduce((sum, points) => sum + points, 0);
  const score = Math.round(Math.max(0, 100 - lost) * 10) / 10;
  const signals = {
    errorRate: inputs.errorRate,
    responseTime: inputs.responseTimeP95Ms,
    eventLoopDelay: inputs.eventLoopDelayP99Ms,
    heap: inputs.heapUsedRatio,
    cacheHitRate: inputs.cacheHitRate,
  };
  const noData = Object.entries(signals)
    .filter(([, value]) => value === null || !Number.isFinite(value))
    .map(([signal]) => signal);
  return { score, penalties, grade: healthGrade(score), noData };
}
