import {
  BASELINE_SLICE_MS,
  RegressionTracker,
  baselineRange,
  checkRegression,
  computeBaseline,
} from '@taurine/monitor';
import type {
  Baseline,
  BaselinePeriod,
  Clock,
  MetricsRegistry,
  Regression,
  RegressionPolicy,
  RegressionTransitions,
  Tags,
  TimeRange,
} from '@taurine/monitor';
import { forEachChunked } from './chunked-work.ts';
import type { InsightConfig } from './insight-config.ts';
import { policyFor } from './insight-policies.ts';
import { metricSlices } from './baseline-slices.ts';
import { seriesWindows, sliceWindows } from './series-window.ts';
import type { InsightSeries } from './series-window.ts';

/** A series' baseline with the policy it is judged by. */
interface SeriesBaseline {
  series: InsightSeries;
  baseline: Baseline;
  policy: RegressionPolicy;
}

/** Baselines per series, refreshed on a schedule, and the regression scan of every tick. */
export interface RegressionScanner {
  /** Recomputes every baseline when older than `baselineRefreshMs` (or `force`). */
  refreshBaselines(now: number, force?: boolean): Promise<void>;
  /** Compares every series' current window with its baseline; returns what opened and recovered. */
  scan(now: number): Promise<RegressionTransitions>;
  /** A baseline computed now for any series and period (the GraphQL `baseline` field). */
  baseline(metric: string, tags: Tags, period: BaselinePeriod, now: number): Baseline | null;
  regressions(since: number, severity?: Regression['severity']): Regression[];
  openRegressions(): Regression[];
  /** Series with a baseline. */
  baselineCount(): number;
}

/** Options of {@link createRegressionScanner}. */
export interface RegressionScannerOptions {
  registry: MetricsRegistry;
  clock: Clock;
  config: InsightConfig;
}

/** Creates the scanner; all heavy work yields to the event loop every ~20 ms. */
export function createRegressionScanner(options: RegressionScannerOptions): RegressionScanner {
  const { registry, clock, config } = options;
  const tracker = new RegressionTracker({ clock });
  let baselines = new Map<string, SeriesBaseline>();
  let refreshedAt = -Infinity;

  const policyOf = (metric: string, kind: Parameters<typeof policyFor>[1]) =>
    policyFor(metric, kind, {
      threshold: config.regressionThreshold,
      thresholds: config.thresholds,
      minSamples: config.minSamples,
    });

  const computeFor = (
    series: InsightSeries,
    period: BaselinePeriod,
    range: TimeRange,
    distribution: boolean,
  ) => {
    const merged = registry.stats(series.metric, series.tags, range);
    const slices = sliceWindows(registry, series, range, BASELINE_SLICE_MS[period], distribution);
    return computeBaseline({
      period,
      range,
      merged: {
        count: merged.count,
        p50: merged.p50,
        p95: merged.p95,
        p99: merged.p99,
        mean: merged.avg,
      },
      slices,
    });
  };

  return {
    async refreshBaselines(now, force = false) {
      if (!force && now - refreshedAt < config.baselineRefreshMs) return;
      const period = config.baselinePeriod;
      const range = baselineRange(period, now, config.currentWindowMs);
      const next = new Map<string, SeriesBaseline>();
      for (const metric of registry.metrics()) {
        const policy = policyOf(metric.name, metric.kind);
        if (policy === null) continue;
        const distribution = metric.kind === 'distribution';
        const step = BASELINE_SLICE_MS[period];
        const entries = await metricSlices(registry, metric.name, range, step, distribution);
        await forEachChunked(entries, (entry) => {
          const baseline = computeBaseline({
            period,
            range,
            merged: entry.merged,
            slices: entry.slices,
          });
          next.set(entry.series.key, { series: entry.series, baseline, policy });
        });
      }
      baselines = next;
      refreshedAt = now;
    },

    async scan(now) {
      const range = { from: now - config.currentWindowMs, to: now };
      const transitions: RegressionTransitions = { opened: [], recovered: [] };
      const metrics = new Set([...baselines.values()].map((entry) => entry.series.metric));
      await forEachChunked(metrics, (metric) => {
        for (const { series, stats } of seriesWindows(registry, metric, range)) {
          const entry = baselines.get(series.key);
          if (entry === undefined) continue;
          const checks = checkRegression(entry.baseline, stats, entry.policy);
          const changed = tracker.observe(metric, series.tags, checks);
          transitions.opened.push(...changed.opened);
          transitions.recovered.push(...changed.recovered);
        }
      });
      return transitions;
    },

    baseline(metric, tags, period, now) {
      const info = registry.metrics().find((m) => m.name === metric);
      if (info === undefined) return null;
      const range = baselineRange(
        period,
        now,
        period === 'sameHourLastWeek' ? 0 : config.currentWindowMs,
      );
      return computeFor({ key: metric, metric, tags }, period, range, info.kind === 'distribution');
    },

    regressions: (since, severity) => tracker.regressions(since, severity),
    openRegressions: () => tracker.openRegressions(),
    baselineCount: () => baselines.size,
  };
}
