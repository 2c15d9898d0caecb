import type { Clock } from '../clock.ts';
import { seriesKey } from '../metrics/tag-set.ts';
import type { Tags } from '../metrics/tag-set.ts';
import type { InsightStatistic } from './insight-statistic.ts';
import type { RegressionCheck, RegressionSeverity } from './regression-check.ts';

/** A regression, open or recovered. */
export interface Regression {
  /** `<series key>/<statistic>/<first seen>`: stable while it stays open. */
  id: string;
  metric: string;
  tags: Tags;
  statistic: InsightStatistic;
  baselineValue: number;
  currentValue: number;
  /** Relative change at the last check, 0.25 = 25 %. */
  change: number;
  /** Worst relative change seen while open. */
  worstChange: number;
  confidence: number;
  severity: RegressionSeverity;
  firstSeen: number;
  lastSeen: number;
  /** When it recovered; null while open. */
  recoveredAt: number | null;
}

/** What one observation changed. */
export interface RegressionTransitions {
  opened: Regression[];
  recovered: Regression[];
}

/** Options of {@link RegressionTracker}. */
export interface RegressionTrackerOptions {
  clock: Clock;
  /** Recovered regressions kept for `regressions(since)`. @default 500 */
  historyLimit?: number;
}

/**
 * Turns per-tick checks into regressions with a lifecycle (pure, clock injected): a statistic that
 * regresses opens one (first seen now); while it stays open its values update; the first check
 * back within the policy's recovery threshold recovers it. Recovered regressions stay in a bounded history.
 */
export class RegressionTracker {
  private readonly open = new Map<string, Regression>();
  private readonly history: Regression[] = [];
  private readonly clock: Clock;
  private readonly historyLimit: number;

  constructor(options: RegressionTrackerOptions) {
    this.clock = options.clock;
    this.historyLimit = options.historyLimit ?? 500;
  }

  /** Applies one series' checks of this tick. */
  observe(metric: string, tags: Tags, checks: readonly RegressionCheck[]): RegressionTransitions {
    const now = this.clock.now();
    const transitions: RegressionTransitions = { opened: [], recovered: [] };
    const series = seriesKey(metric, tags);
    for (const check of checks) {
      const key = `${series}/${check.statistic}`;
      const existing = this.open.get(key);
      if (existing === undefined) {
        if (!check.regressed) continue;
        const opened = newRegression(key, metric, tags, check, now);
        this.open.set(key, opened);
        transitions.opened.push(opened);
      } else if (check.recovered) {
        Object.assign(existing, {
          recoveredAt: now,
          currentValue: check.currentValue,
          change: check.change,
        });
        this.open.delete(key);
        this.remember(existing);
        transitions.recovered.push(existing);
      } else {
        updateRegression(existing, check, now);
      }
    }
    return transitions;
  }

  /** Open regressions, newest first. */
  openRegressions(): Regression[] {
    return [...this.open.values()].sort((a, b) => b.firstSeen - a.firstSeen);
  }

  /** Open regressions and those recovered at or after `since`, newest first. */
  regressions(since: number, severity?: RegressionSeverity): Regression[] {
    const recent = this.history.filter((regression) => (regression.recoveredAt ?? 0) >= since);
    return [...this.openRegressions(), ...recent.reverse()].filter(
      (regression) => severity === undefined || regression.severity === severity,
    );
  }

  private remember(regression: Regression): void {
    this.history.push(regression);
    if (this.history.length > this.historyLimit) this.history.shift();
  }
}

function newRegression(
  key: string,
  metric: string,
  tags: Tags,
  check: RegressionCheck,
  now: number,
): Regression {
  return {
    id: `${key}/${now}`,
    metric,
    tags,
    statistic: check.statistic,
    baselineValue: check.baselineValue,
    currentValue: check.currentValue,
    change: check.change,
    worstChange: check.change,
    confidence: check.confidence,
    severity: check.severity,
    firstSeen: now,
    lastSeen: now,
    recoveredAt: null,
  };
}

/** An open regression takes this tick's values; its worst change and severity only grow. */
function updateRegression(regression: Regression, check: RegressionCheck, now: number): void {
  regression.baselineValue = check.baselineValue;
  regression.currentValue = check.currentValue;
  regression.change = check.change;
  if (Math.abs(check.change) > Math.abs(regression.worstChange))
    regression.worstChange = check.change;
  regression.confidence = check.confidence;
  if (check.severity === 'critical') regression.severity = 'critical';
  regression.lastSeen = now;
}
