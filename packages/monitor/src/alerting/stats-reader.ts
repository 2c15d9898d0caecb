import type { AlertStat, AlertWindow } from './alert-rule.ts';

/** What a rule asks of the metrics: `stat` of `metric` over `window`, for series carrying `tags`. */
export interface StatQuery {
  readonly ruleId: string;
  readonly metric: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly stat: AlertStat;
  readonly window: AlertWindow;
  readonly windowMs: number;
  /** End of the window (epoch ms). */
  readonly now: number;
}

/** The statistic of one series; `value: null` when the series has no samples in the window. */
export interface SeriesStat {
  /** The series' tags; the alert's tags are the rule's tags merged with these. */
  readonly tags: Readonly<Record<string, string>>;
  readonly value: number | null;
}

/**
 * Reads statistics for the evaluator; the server adapts the metrics registry to it. Return one
 * entry per tag set that deserves its own alert (e.g. per endpoint), or a single merged entry;
 * an empty list means the rule has no data. It may throw: the evaluator reports the error and
 * treats the rule as having no data.
 */
export interface StatsReader {
  series(query: StatQuery): readonly SeriesStat[];
}

/** Adapts a reader of one number per rule (null = no data) into a {@link StatsReader}. */
export function scalarStatsReader(read: (query: StatQuery) => number | null): StatsReader {
  return {
    series(query) {
      const value = read(query);
      return value === null ? [] : [{ tags: {}, value }];
    },
  };
}
