/**
 * The result of a load or stress run: what is printed at the end, what is stored on the server,
 * and the exit code it leads to.
 */
import type { ThresholdResult, WindowSummary } from './run-stats.ts';
import { describeThreshold } from './run-stats.ts';
import type { PhaseKind } from './scenario.ts';

/** How a run ended. */
export type Verdict = 'passed' | 'failed' | 'breaking-point' | 'no-breaking-point' | 'aborted';

/** One phase (or stress step) as it ran. */
export interface PhaseResult {
  name: string;
  kind: PhaseKind;
  startUsers: number;
  users: number;
  startedAt: number;
  endedAt: number;
  summary: WindowSummary;
}

/** Where a stress run broke: the users at the failing step and the thresholds it broke. */
export interface BreakingPoint {
  users: number;
  /** Users of the last step that held every threshold; 0 when the first step broke. */
  lastGoodUsers: number;
  reason: string;
}

/** Everything a run produced. */
export interface RunResult {
  name: string;
  mode: 'load' | 'stress';
  verdict: Verdict;
  url: string;
  startedAt: number;
  endedAt: number;
  phases: PhaseResult[];
  thresholds: ThresholdResult[];
  breakingPoint: BreakingPoint | null;
  summary: WindowSummary;
  /** Why the run stopped early, when it did. */
  abortReason: string | null;
  errorMessages: ReadonlyMap<string, number>;
}

/** Exit code of a run: 1 when a threshold broke or the run was aborted, else 0. */
export function exitCodeOf(result: RunResult): 0 | 1 {
  return result.verdict === 'failed' || result.verdict === 'aborted' ? 1 : 0;
}

const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)} ms`);

/** The end-of-run report, as lines for stdout. */
export function formatReport(result: RunResult): string[] {
  const { summary } = result;
  const lines = [
    '',
    `${result.name} (${result.mode}) against ${result.url}`,
    '',
    'Phase                 Users       Requests   req/s      p95         Errors',
  ];
  for (const phase of result.phases) {
    const users =
      phase.startUsers === phase.users ? `${phase.users}` : `${phase.startUsers}→${phase.users}`;
    lines.push(
      [
        phase.name.slice(0, 20).padEnd(21),
        users.padEnd(11),
        String(phase.summary.requests).padEnd(10),
        phase.summary.throughputRps.toFixed(1).padEnd(10),
        ms(phase.summary.p95Ms).padEnd(11),
        `${phase.summary.errorRatePercent.toFixed(2)} %`,
      ].join(' '),
    );
  }
  lines.push(
    '',
    `Requests      ${summary.requests}`,
    `Throughput    ${summary.throughputRps.toFixed(1)} req/s`,
    `Latency p50   ${ms(summary.p50Ms)}`,
    `Latency p95   ${ms(summary.p95Ms)}`,
    `Latency p99   ${ms(summary.p99Ms)}`,
    `Errors        ${summary.errors} (${summary.errorRatePercent.toFixed(2)} %)`,
  );
  for (const [message, count] of [...result.errorMessages]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)) {
    lines.push(`  ${count} × ${message.slice(0, 120)}`);
  }
  if (result.thresholds.length > 0) lines.push('', 'Thresholds');
  for (const threshold of result.thresholds) {
    lines.push(`  ${threshold.passed ? 'ok    ' : 'BROKEN'} ${describeThreshold(threshold)}`);
  }
  if (result.breakingPoint !== null) {
    const point = result.breakingPoint;
    lines.push(
      '',
      `Breaking point: ${point.users} users (${point.reason}); last step that held: ${point.lastGoodUsers} users`,
    );
  }
  lines.push('', `Verdict: ${result.verdict.toUpperCase()}`);
  return lines;
}
