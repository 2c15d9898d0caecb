/**
 * The scenario behind `npm run loadtest -- --users N --duration TIME --think MIN-MAX` (no file):
 * calculator visitors ramping up over the first quarter (5 s at most), then held, no thresholds.
 * Each argument is checked with the message the CLI has always printed.
 */
import { parseDuration, toScenario } from './scenario.ts';
import type { Scenario } from './scenario.ts';

/** The flat profile's arguments as typed. */
export interface FlatArguments {
  users: string;
  duration: string;
  think: string;
}

/** Defaults of the flat profile. */
export const FLAT_DEFAULTS: FlatArguments = { users: '50', duration: '60s', think: '500-2000' };

/** Longest ramp-up of the flat profile. */
const MAX_FLAT_RAMP_MS = 5_000;

/**
 * Builds the scenario, or returns the usage problem to print (without the tool's name).
 */
export function flatScenario(args: FlatArguments): Scenario | { problem: string } {
  const users = Number(args.users);
  if (!/^\d+$/.test(args.users) || users < 1 || users > 5000) {
    return { problem: `--users must be an integer from 1 to 5000 (got "${args.users}")` };
  }
  const durationMs = parseDuration(args.duration);
  if (durationMs === undefined) {
    return { problem: `--duration must look like 60s, 2m or 500ms (got "${args.duration}")` };
  }
  if (durationMs <= 0) {
    return { problem: `--duration must be longer than 0 (got "${args.duration}")` };
  }
  const think = /^(\d+)-(\d+)$/.exec(args.think);
  if (!think || Number(think[1]) > Number(think[2])) {
    return {
      problem: `--think must be MIN-MAX in ms with MIN <= MAX, e.g. 500-2000 (got "${args.think}")`,
    };
  }
  const rampMs = Math.min(MAX_FLAT_RAMP_MS, Math.round(durationMs / 4));
  return toScenario({
    name: `${users} calculator visitors for ${args.duration}`,
    phases: [
      { kind: 'ramp-up', duration: `${Math.max(1, rampMs)}ms`, users },
      { kind: 'steady', duration: `${Math.max(1, durationMs - rampMs)}ms`, users },
    ],
    journeys: [{ name: 'calculator-visitor' }],
    thinkTime: { min: `${think[1]}ms`, max: `${think[2]}ms` },
  });
}
