import type { AlertRule } from '../alerting/alert-rule.ts';
import { createAlertEvaluator } from '../alerting/alert-evaluator.ts';
import type {
  AlertEvaluator,
  AlertEvaluatorOptions,
  EvaluationResult,
} from '../alerting/alert-evaluator.ts';
import { createManualClock } from '../clock.ts';
import type { ManualClock } from '../clock.ts';
import type { Silence } from '../alerting/silence.ts';
import type { SeriesStat, StatQuery, StatsReader } from '../alerting/stats-reader.ts';

/** Test helpers: scripted statistics and a one-line evaluator set-up on a manual clock. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** Where the harness' manual clock starts: 2025-01-01 00:00 UTC. */
export const HARNESS_START = Date.UTC(2025, 0, 1);

/** Statistics scripted per metric: a number, no data (`null`), several series, or a failure. */
export interface FakeStats extends StatsReader {
  set(metric: string, value: number | null | readonly SeriesStat[] | Error): void;
  readonly queries: StatQuery[];
}

export function createFakeStats(): FakeStats {
  const values = new Map<string, number | null | readonly SeriesStat[] | Error>();
  const queries: StatQuery[] = [];
  return {
    queries,
    set(metric, value) {
      values.set(metric, value);
    },
    series(query) {
      queries.push(query);
      const value = values.get(query.metric);
      if (value instanceof Error) throw value;
      if (value === undefined || value === null) return [];
      if (typeof value === 'number') return [{ tags: {}, value }];
      return value;
    },
  };
}

/** An error-severity latency rule (`api.responseTime` p95 > 2000 for 5 min) with overrides. */
export function testRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'test.latency',
    name: 'Latency high',
    metric: 'api.responseTime',
    stat: 'p95',
    window: '5m',
    comparison: '>',
    threshold: 2000,
    severity: 'error',
    forMs: 5 * MINUTE,
    enabled: true,
    builtIn: false,
    ...overrides,
  };
}

export interface Harness {
  readonly clock: ManualClock;
  readonly stats: FakeStats;
  readonly evaluator: AlertEvaluator;
  /** Mutable list read by the evaluator's `silences` option. */
  readonly silences: Silence[];
  /** Evaluates `rules` at the clock's time. */
  evaluate(rules: readonly AlertRule[]): EvaluationResult;
  /** Advances the clock by `stepMs` until `durationMs` has passed, evaluating after each step. */
  run(rules: readonly AlertRule[], durationMs: number, stepMs?: number): EvaluationResult[];
}

export function createHarness(options: Partial<AlertEvaluatorOptions> = {}): Harness {
  const clock = createManualClock(HARNESS_START);
  const stats = createFakeStats();
  const silences: Silence[] = [];
  const evaluator = createAlertEvaluator({ clock, silences: () => silences, ...options });
  const evaluate = (rules: readonly AlertRule[]): EvaluationResult =>
    evaluator.evaluate(rules, stats);
  return {
    clock,
    stats,
    evaluator,
    silences,
    evaluate,
    run(rules, durationMs, stepMs = MINUTE) {
      const results: EvaluationResult[] = [];
      for (let elapsed = stepMs; elapsed <= durationMs; elapsed += stepMs) {
        clock.advance(stepMs);
        results.push(evaluate(rules));
      }
      return results;
    },
  };
}
