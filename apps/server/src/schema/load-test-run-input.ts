import type { NewLoadTestRun } from '@taurine/store';
import { builder } from './builder.ts';

/** How a run drove the server. */
export const LoadTestModeEnum = builder.enumType('LoadTestMode', {
  values: {
    LOAD: { value: 'load', description: 'The scenario’s phases, judged by its thresholds.' },
    STRESS: { value: 'stress', description: 'Steps of more users until a threshold broke.' },
  } as const,
});

/** How a run ended. */
export const LoadTestVerdictEnum = builder.enumType('LoadTestVerdict', {
  values: {
    PASSED: { value: 'passed', description: 'Every threshold held.' },
    FAILED: { value: 'failed', description: 'A threshold broke (or every request failed).' },
    BREAKING_POINT: { value: 'breaking-point', description: 'Stress: a step broke a threshold.' },
    NO_BREAKING_POINT: {
      value: 'no-breaking-point',
      description: 'Stress: every step up to the most users held.',
    },
    ABORTED: { value: 'aborted', description: 'The server stopped answering during the run.' },
  } as const,
});

/** How users move in a phase. */
export const LoadTestPhaseKindEnum = builder.enumType('LoadTestPhaseKind', {
  values: {
    RAMP_UP: { value: 'ramp-up' },
    STEADY: { value: 'steady' },
    SPIKE: { value: 'spike' },
    RAMP_DOWN: { value: 'ramp-down' },
  } as const,
});

/** The figure a threshold limits. */
export const LoadTestThresholdMetricEnum = builder.enumType('LoadTestThresholdMetric', {
  values: {
    P95_MS: { value: 'p95Ms', description: 'p95 latency in ms must stay below the limit.' },
    ERROR_RATE_PERCENT: {
      value: 'errorRatePercent',
      description: 'Failed requests in % must stay below the limit.',
    },
    THROUGHPUT_RPS: {
      value: 'throughputRps',
      description: 'Requests per second must reach the limit.',
    },
  } as const,
});

const FiguresInput = builder.inputType('LoadTestFiguresInput', {
  fields: (t) => ({
    requests: t.int({ required: true }),
    errors: t.int({ required: true }),
    throughputRps: t.float({ required: true }),
    p50Ms: t.float(),
    p95Ms: t.float(),
    p99Ms: t.float(),
  }),
});

const PhaseInput = builder.inputType('LoadTestPhaseInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: LoadTestPhaseKindEnum, required: true }),
    startUsers: t.int({ required: true }),
    users: t.int({ required: true }),
    startedAt: t.field({ type: 'DateTime', required: true }),
    endedAt: t.field({ type: 'DateTime', required: true }),
    figures: t.field({ type: FiguresInput, required: true }),
  }),
});

const ThresholdInput = builder.inputType('LoadTestThresholdInput', {
  fields: (t) => ({
    metric: t.field({ type: LoadTestThresholdMetricEnum, required: true }),
    limit: t.float({ required: true }),
    actual: t.float(),
    passed: t.boolean({ required: true }),
  }),
});

const BreakingPointInput = builder.inputType('LoadTestBreakingPointInput', {
  fields: (t) => ({
    users: t.int({ required: true }),
    lastGoodUsers: t.int({ required: true }),
    reason: t.string({ required: true }),
  }),
});

/** The input of `recordLoadTestRun`, as `npm run loadtest -- --key …` sends it. */
export const RecordLoadTestRunInput = builder.inputType('RecordLoadTestRunInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    mode: t.field({ type: LoadTestModeEnum, required: true }),
    verdict: t.field({ type: LoadTestVerdictEnum, required: true }),
    targetUrl: t.string({ required: true }),
    startedAt: t.field({ type: 'DateTime', required: true }),
    endedAt: t.field({ type: 'DateTime', required: true }),
    phases: t.field({ type: [PhaseInput], required: true }),
    thresholds: t.field({ type: [ThresholdInput], required: true }),
    breakingPoint: t.field({ type: BreakingPointInput }),
    figures: t.field({ type: FiguresInput, required: true }),
  }),
});

interface FiguresValue {
  requests: number;
  errors: number;
  throughputRps: number;
  p50Ms?: number | null | undefined;
  p95Ms?: number | null | undefined;
  p99Ms?: number | null | undefined;
}

const toFigures = (figures: FiguresValue) => ({
  requests: figures.requests,
  errors: figures.errors,
  throughputRps: figures.throughputRps,
  p50Ms: figures.p50Ms ?? null,
  p95Ms: figures.p95Ms ?? null,
  p99Ms: figures.p99Ms ?? null,
});

/** The input as the store takes it: epoch ms, nulls for absent figures. */
export function toNewLoadTestRun(
  input: typeof RecordLoadTestRunInput.$inferInput,
  recordedBy: string,
): NewLoadTestRun {
  return {
    name: input.name,
    mode: input.mode,
    verdict: input.verdict,
    targetUrl: input.targetUrl,
    startedAt: input.startedAt.getTime(),
    endedAt: input.endedAt.getTime(),
    recordedBy,
    phases: input.phases.map((phase) => ({
      name: phase.name,
      kind: phase.kind,
      startUsers: phase.startUsers,
      users: phase.users,
      startedAt: phase.startedAt.getTime(),
      endedAt: phase.endedAt.getTime(),
      figures: toFigures(phase.figures),
    })),
    thresholds: input.thresholds.map((threshold) => ({
      metric: threshold.metric,
      limit: threshold.limit,
      actual: threshold.actual ?? null,
      passed: threshold.passed,
    })),
    breakingPoint: input.breakingPoint ?? null,
    figures: toFigures(input.figures),
  };
}
