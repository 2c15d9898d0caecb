/**
 * Runs a scenario's phases (load mode) or its stress steps (stress mode) on a {@link LoadEngine}
 * and turns the samples into a {@link RunResult}.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadEngine } from './load-engine.ts';
import type { ProgressDisplay } from './progress-display.ts';
import type { BreakingPoint, PhaseResult, RunResult, Verdict } from './run-result.ts';
import { describeThreshold, evaluateThresholds, summarize } from './run-stats.ts';
import type { Phase, Scenario, StressSettings } from './scenario.ts';

/** How often users are adjusted to a ramp and the display refreshed. */
export const TICK_MS = 250;

/** What a runner needs besides the scenario. */
export interface RunContext {
  engine: LoadEngine;
  display: ProgressDisplay;
  /** The endpoint as shown and stored. */
  url: string;
}

/** Users a phase asks for `elapsed` ms after its start: linear on ramps, constant otherwise. */
export function usersAt(phase: Phase, elapsed: number): number {
  const share = Math.min(1, Math.max(0, elapsed / phase.durationMs));
  return Math.round(phase.startUsers + (phase.users - phase.startUsers) * share);
}

/** Runs one phase in ticks; returns when it is over or the engine must stop. */
async function runPhase(phase: Phase, label: string, context: RunContext): Promise<PhaseResult> {
  const startedAt = Date.now();
  const endsAt = startedAt + phase.durationMs;
  context.display.phase(label, endsAt);
  while (Date.now() < endsAt && context.engine.stopReason() === undefined) {
    const target = usersAt(phase, Date.now() - startedAt);
    context.engine.setUsers(target);
    context.display.tick(target);
    await sleep(Math.min(TICK_MS, Math.max(1, endsAt - Date.now())));
  }
  const endedAt = Date.now();
  return {
    name: phase.name,
    kind: phase.kind,
    startUsers: phase.startUsers,
    users: phase.users,
    startedAt,
    endedAt,
    summary: summarize(context.engine.samples, startedAt, endedAt),
  };
}

function baseResult(scenario: Scenario, context: RunContext, startedAt: number) {
  const endedAt = Date.now();
  return {
    name: scenario.name,
    url: context.url,
    startedAt,
    endedAt,
    summary: summarize(context.engine.samples, startedAt, endedAt),
    abortReason: context.engine.stopReason() ?? null,
    errorMessages: context.engine.errorMessages,
  };
}

/**
 * Load mode: every phase in order, then the thresholds over the whole run. A run where every
 * request failed fails even without thresholds.
 */
export async function runPhases(scenario: Scenario, context: RunContext): Promise<RunResult> {
  const startedAt = Date.now();
  const phases: PhaseResult[] = [];
  for (const [index, phase] of scenario.phases.entries()) {
    if (context.engine.stopReason() !== undefined) break;
    const label = `${phase.name} ${index + 1}/${scenario.phases.length}`;
    phases.push(await runPhase(phase, label, context));
  }
  context.engine.setUsers(0);
  context.display.finish();
  const base = baseResult(scenario, context, startedAt);
  const thresholds = evaluateThresholds(base.summary, scenario.thresholds);
  const allFailed = base.summary.requests > 0 && base.summary.errors === base.summary.requests;
  const verdict: Verdict =
    base.abortReason !== null
      ? 'aborted'
      : thresholds.some((threshold) => !threshold.passed) || allFailed
        ? 'failed'
        : 'passed';
  return { ...base, mode: 'load', verdict, phases, thresholds, breakingPoint: null };
}

/**
 * Stress mode: steps of `stepUsers` more users, each held for `stepDuration`, until a step breaks
 * a threshold (its figures alone are judged) or `maxUsers` is passed.
 */
export async function runStress(
  scenario: Scenario,
  stress: StressSettings,
  context: RunContext,
): Promise<RunResult> {
  const startedAt = Date.now();
  const phases: PhaseResult[] = [];
  let breakingPoint: BreakingPoint | null = null;
  let thresholds: RunResult['thresholds'] = [];
  let lastGoodUsers = 0;
  for (let users = stress.startUsers; users <= stress.maxUsers; users += stress.stepUsers) {
    const step: Phase = {
      name: `step ${phases.length + 1}`,
      kind: 'steady',
      durationMs: stress.stepDurationMs,
      startUsers: users,
      users,
    };
    const result = await runPhase(step, `stress ${users} users (max ${stress.maxUsers})`, context);
    phases.push(result);
    if (context.engine.stopReason() !== undefined) break;
    thresholds = evaluateThresholds(result.summary, scenario.thresholds);
    const broken = thresholds.filter((threshold) => !threshold.passed);
    if (broken.length > 0) {
      breakingPoint = { users, lastGoodUsers, reason: broken.map(describeThreshold).join('; ') };
      break;
    }
    lastGoodUsers = users;
  }
  context.engine.setUsers(0);
  context.display.finish();
  const base = baseResult(scenario, context, startedAt);
  const verdict: Verdict =
    base.abortReason !== null
      ? 'aborted'
      : breakingPoint === null
        ? 'no-breaking-point'
        : 'breaking-point';
  return { ...base, mode: 'stress', verdict, phases, thresholds, breakingPoint };
}
