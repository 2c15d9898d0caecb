import type { Regression, ReportRegression, ReportSuggestion } from '@taurine/monitor';
import type { Suggestion } from '@taurine/monitor/operations';

/**
 * What the insight and optimisation engines add to a report: the regressions open during its
 * period, and the optimisation suggestions at the time it is made.
 */
export interface ReportFindings {
  regressions(from: number, to: number): ReportRegression[];
  suggestions(): Promise<ReportSuggestion[]>;
}

/** The engines {@link createReportFindings} reads. */
export interface ReportFindingSources {
  /** Open regressions and those recovered since `since` (insight, this instance's memory). */
  regressions(since: number): Regression[];
  /** The current optimisation suggestions. */
  suggestions(): Promise<Suggestion[]>;
}

const percent = (ratio: number): number => Math.round(ratio * 1000) / 10;

/** A regression as one report line: `p95 of api.responseTime{operation=Flavors} 1.2 s → 1.6 s`. */
export function toReportRegression(regression: Regression): ReportRegression {
  const tags = Object.entries(regression.tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const series = tags === '' ? regression.metric : `${regression.metric}{${tags}}`;
  const state = regression.recoveredAt === null ? 'still open' : 'recovered';
  return {
    metric: regression.metric,
    description:
      `${regression.statistic} of ${series}: ${regression.baselineValue.toPrecision(3)} → ` +
      `${regression.currentValue.toPrecision(3)} (${regression.severity}, ${state})`,
    changePct: Number.isFinite(regression.worstChange) ? percent(regression.worstChange) : null,
  };
}

/** A suggestion as one report line: its title, then what to do and the expected gain. */
export function toReportSuggestion(suggestion: Suggestion): ReportSuggestion {
  return {
    title: suggestion.title,
    detail: `${suggestion.action} (${suggestion.expectedGain})`,
  };
}

/** Findings over the engines: regressions that were open at some point of `[from, to)`. */
export function createReportFindings(sources: ReportFindingSources): ReportFindings {
  return {
    regressions: (from, to) =>
      sources
        .regressions(from)
        .filter((regression) => regression.firstSeen < to)
        .map(toReportRegression),
    suggestions: async () => (await sources.suggestions()).map(toReportSuggestion),
  };
}
