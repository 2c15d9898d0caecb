/**
 * The live progress display: phase, users, req/s and p95 over the last seconds, errors. On a
 * terminal one line is rewritten in place; otherwise (CI, a pipe) a plain line is written every
 * few seconds and at every phase change, so logs stay readable.
 */
import type { LoadEngine } from './load-engine.ts';
import { summarize } from './run-stats.ts';

/** The window live figures are computed over. */
export const LIVE_WINDOW_MS = 5_000;
/** How often a plain (non-terminal) line is written. */
export const PLAIN_LINE_INTERVAL_MS = 2_000;

/** Where the display writes, and whether it may rewrite its line. */
export interface DisplayTarget {
  write(text: string): void;
  isTTY: boolean;
}

/** What a runner tells the display. */
export interface ProgressDisplay {
  /** A new phase (or stress step) started: a plain line is always written for it. */
  phase(label: string, endsAt: number): void;
  /** Refreshes the figures (call often; plain output is throttled). */
  tick(targetUsers: number): void;
  /** Ends the line on a terminal. */
  finish(): void;
}

const seconds = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))}s`;

/** A display over `engine`'s samples, written to `target` (stderr in the CLI). */
export function createProgressDisplay(
  engine: LoadEngine,
  target: DisplayTarget,
  now: () => number = Date.now,
): ProgressDisplay {
  let label = '';
  let phaseEndsAt = 0;
  let lastPlainLine = 0;
  let lineOpen = false;

  const line = (targetUsers: number): string => {
    const at = now();
    const from = at - LIVE_WINDOW_MS;
    const live = summarize(engine.samplesSince(from), from, at);
    const p95 = live.p95Ms === null ? '—' : `${live.p95Ms.toFixed(1)} ms`;
    return [
      `[${label}]`,
      `users ${engine.users()}/${targetUsers}`,
      `${live.throughputRps.toFixed(1)} req/s`,
      `p95 ${p95}`,
      `errors ${live.errorRatePercent.toFixed(1)} %`,
      `${seconds(phaseEndsAt - at)} left in phase`,
    ].join('  ');
  };

  const writePlain = (text: string) => {
    lastPlainLine = now();
    target.write(`${text}\n`);
  };

  return {
    phase(newLabel, endsAt) {
      label = newLabel;
      phaseEndsAt = endsAt;
      if (target.isTTY) {
        target.write(`${lineOpen ? '\n' : ''}▶ ${newLabel}\n`);
        lineOpen = false;
      } else {
        writePlain(`▶ ${newLabel}`);
      }
    },
    tick(targetUsers) {
      if (target.isTTY) {
        target.write(`\r\x1b[2K${line(targetUsers)}`);
        lineOpen = true;
      } else if (now() - lastPlainLine >= PLAIN_LINE_INTERVAL_MS) {
        writePlain(line(targetUsers));
      }
    },
    finish() {
      if (lineOpen) target.write('\n');
      lineOpen = false;
    },
  };
}
