import type {
  LoadTestBreakingPoint,
  LoadTestFigures,
  LoadTestPhaseRecord,
  LoadTestRun,
  LoadTestThresholdRecord,
} from '@taurine/store';
import { alertingActorName } from '../alerting/actor.ts';
import { builder } from './builder.ts';
import {
  LoadTestModeEnum,
  LoadTestPhaseKindEnum,
  LoadTestThresholdMetricEnum,
  LoadTestVerdictEnum,
  RecordLoadTestRunInput,
  toNewLoadTestRun,
} from './load-test-run-input.ts';
import { ValidationErrorRef } from './validation-error.ts';

type Enum<T> = T extends { $inferType: infer V } ? V : never;

const FiguresRef = builder.objectRef<LoadTestFigures>('LoadTestFigures').implement({
  description: 'Requests of a phase or a whole run; latencies are null when none was measured.',
  fields: (t) => ({
    requests: t.exposeInt('requests'),
    errors: t.exposeInt('errors'),
    errorRatePercent: t.float({
      resolve: (figures) =>
        figures.requests === 0 ? 0 : (figures.errors / figures.requests) * 100,
    }),
    throughputRps: t.exposeFloat('throughputRps'),
    p50Ms: t.exposeFloat('p50Ms', { nullable: true }),
    p95Ms: t.exposeFloat('p95Ms', { nullable: true }),
    p99Ms: t.exposeFloat('p99Ms', { nullable: true }),
  }),
});

const PhaseRef = builder.objectRef<LoadTestPhaseRecord>('LoadTestPhase').implement({
  description: 'One phase of a run (a stress step is a STEADY phase).',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({
      type: LoadTestPhaseKindEnum,
      resolve: (phase) => phase.kind as Enum<typeof LoadTestPhaseKindEnum>,
    }),
    startUsers: t.exposeInt('startUsers'),
    users: t.exposeInt('users', { description: 'Users at the end of the phase.' }),
    startedAt: t.field({ type: 'DateTime', resolve: (phase) => new Date(phase.startedAt) }),
    endedAt: t.field({ type: 'DateTime', resolve: (phase) => new Date(phase.endedAt) }),
    figures: t.field({ type: FiguresRef, resolve: (phase) => phase.figures }),
  }),
});

const ThresholdRef = builder.objectRef<LoadTestThresholdRecord>('LoadTestThreshold').implement({
  fields: (t) => ({
    metric: t.field({
      type: LoadTestThresholdMetricEnum,
      resolve: (threshold) => threshold.metric as Enum<typeof LoadTestThresholdMetricEnum>,
    }),
    limit: t.exposeFloat('limit'),
    actual: t.exposeFloat('actual', { nullable: true }),
    passed: t.exposeBoolean('passed'),
  }),
});

const BreakingPointRef = builder
  .objectRef<LoadTestBreakingPoint>('LoadTestBreakingPoint')
  .implement({
    fields: (t) => ({
      users: t.exposeInt('users', { description: 'Users of the step that broke a threshold.' }),
      lastGoodUsers: t.exposeInt('lastGoodUsers', {
        description: 'Users of the last step that held (0 when the first step broke).',
      }),
      reason: t.exposeString('reason', { description: 'The thresholds broken, with figures.' }),
    }),
  });

export const LoadTestRunRef = builder.objectRef<LoadTestRun>('LoadTestRun').implement({
  description: 'A stored result of `npm run loadtest`: its phases, thresholds and verdict.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    mode: t.field({
      type: LoadTestModeEnum,
      resolve: (run) => run.mode as Enum<typeof LoadTestModeEnum>,
    }),
    verdict: t.field({
      type: LoadTestVerdictEnum,
      resolve: (run) => run.verdict as Enum<typeof LoadTestVerdictEnum>,
    }),
    targetUrl: t.exposeString('targetUrl'),
    startedAt: t.field({ type: 'DateTime', resolve: (run) => new Date(run.startedAt) }),
    endedAt: t.field({ type: 'DateTime', resolve: (run) => new Date(run.endedAt) }),
    recordedBy: t.exposeString('recordedBy', { description: 'Name of the key that stored it.' }),
    phases: t.field({ type: [PhaseRef], resolve: (run) => run.phases }),
    thresholds: t.field({ type: [ThresholdRef], resolve: (run) => run.thresholds }),
    breakingPoint: t.field({
      type: BreakingPointRef,
      nullable: true,
      resolve: (run) => run.breakingPoint,
    }),
    figures: t.field({ type: FiguresRef, resolve: (run) => run.figures }),
  }),
});

const RecordLoadTestRunResultRef = builder.unionType('RecordLoadTestRunResult', {
  types: [LoadTestRunRef, ValidationErrorRef],
  resolveType: (value) =>
    (value as { kind?: string }).kind === 'validation-error' ? ValidationErrorRef : LoadTestRunRef,
});

/** Role: viewer. */
builder.queryField('loadTestRuns', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [LoadTestRunRef],
    description:
      'Stored load test runs, newest first (at most 200). `endedAfter` keeps the runs that reach into a time range (chart overlays).',
    args: {
      first: t.arg.int({ required: false, defaultValue: 20 }),
      endedAfter: t.arg({ type: 'DateTime', required: false }),
    },
    resolve: (_root, args, { services }) =>
      services.loadTests.list(args.first ?? 20, args.endedAfter?.getTime()),
  }),
);

/** Role: operator. */
builder.mutationField('recordLoadTestRun', (t) =>
  t.field({
    authScopes: { operator: true },
    type: RecordLoadTestRunResultRef,
    description: 'Stores a run’s result (`npm run loadtest -- --key …` calls it at the end).',
    args: { input: t.arg({ type: RecordLoadTestRunInput, required: true }) },
    resolve: (_root, { input }, context) =>
      context.services.loadTests.record(toNewLoadTestRun(input, alertingActorName(context))),
  }),
);
