import { stepSecondsFor } from './time-range.ts';

/** What every chart of the dashboard draws: the same range and step, as query variables. */
export interface ChartWindow {
  from: number;
  to: number;
  stepSeconds: number;
  variables: { range: { from: string; to: string }; step: number; instance: string | null };
}

/**
 * The window for a range. Both ends are rounded down to whole steps, so that the query variables
 * (and urql's cache key) only change when a new step begins, not on every snapshot.
 */
export function chartWindow(
  range: { from: number; to: number },
  alignToStep: boolean,
  /** One instance's own data; null for the whole deployment. */
  instance: string | null = null,
): ChartWindow {
  const stepSeconds = stepSecondsFor(range.to - range.from);
  const stepMs = stepSeconds * 1000;
  const to = alignToStep ? Math.ceil(range.to / stepMs) * stepMs : range.to;
  const from = alignToStep
    ? to - Math.round((range.to - range.from) / stepMs) * stepMs
    : range.from;
  return {
    from,
    to,
    stepSeconds,
    variables: {
      range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      step: stepSeconds,
      instance,
    },
  };
}

/** Server points (`t` as ISO string) as chart points (`t` in ms). */
export const toPoints = (points: readonly { t: string; value?: number | null }[] | undefined) =>
  (points ?? []).map((point) => ({ t: Date.parse(point.t), value: point.value ?? null }));
