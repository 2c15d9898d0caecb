import { DEFAULT_ANOMALY_POLICY, HOUR_MS, detectAnomaly } from '@taurine/monitor';
import type { Anomaly, Clock, MetricsRegistry, TimedValue } from '@taurine/monitor';
import { forEachChunked } from './chunked-work.ts';
import { WATCHED_METRICS } from './insight-policies.ts';
import type { WatchedMetric } from './insight-policies.ts';

/** An anomaly of a watched metric, open while it lasts. */
export interface InsightAnomaly extends Anomaly {
  id: string;
  metric: string;
  statistic: WatchedMetric['statistic'];
  firstSeen: number;
  lastSeen: number;
  /** When the metric came back to normal; null while open. */
  endedAt: number | null;
}

/** Points of the anomaly scan: 5-minute steps, enough days back for the seasonal reference. */
export const ANOMALY_STEP_MS = 5 * 60_000;
const HISTORY_MS =
  (DEFAULT_ANOMALY_POLICY.minSeasons + 1) * DEFAULT_ANOMALY_POLICY.seasonMs + HOUR_MS;
const HISTORY_LIMIT = 500;

const REGISTRY_STAT = { p50: 'p50', p95: 'p95', p99: 'p99', mean: 'avg' } as const;

/**
 * Scans the watched metrics (all series merged) for spikes and level shifts every tick, against
 * the same time of earlier days when three days are held, else the trailing hours.
 */
export function createAnomalyScanner(options: { registry: MetricsRegistry; clock: Clock }) {
  const { registry, clock } = options;
  const open = new Map<string, InsightAnomaly>();
  const history: InsightAnomaly[] = [];

  const pointsOf = (watched: WatchedMetric, now: number): TimedValue[] =>
    registry
      .series(
        watched.metric,
        undefined,
        { from: now - HISTORY_MS, to: now },
        ANOMALY_STEP_MS,
        REGISTRY_STAT[watched.statistic],
      )
      .filter((point): point is TimedValue => point.value !== null);

  return {
    /** One scan; returns the anomalies that started and ended. */
    async scan(): Promise<{ started: InsightAnomaly[]; ended: InsightAnomaly[] }> {
      const now = clock.now();
      const started: InsightAnomaly[] = [];
      const ended: InsightAnomaly[] = [];
      const known = new Set(registry.metrics().map((metric) => metric.name));
      await forEachChunked(
        WATCHED_METRICS.filter((w) => known.has(w.metric)),
        (watched) => {
          const key = `${watched.metric}/${watched.statistic}`;
          const found = detectAnomaly(pointsOf(watched, now));
          const current = open.get(key);
          if (found && current) {
            Object.assign(current, found, { kind: current.kind, lastSeen: now });
          } else if (found) {
            const anomaly = {
              ...found,
              id: `${key}/${now}`,
              metric: watched.metric,
              statistic: watched.statistic,
              firstSeen: now,
              lastSeen: now,
              endedAt: null,
            };
            open.set(key, anomaly);
            started.push(anomaly);
          } else if (current) {
            current.endedAt = now;
            open.delete(key);
            history.push(current);
            if (history.length > HISTORY_LIMIT) history.shift();
            ended.push(current);
          }
        },
      );
      return { started, ended };
    },
    /** Open anomalies and those that ended at or after `since`, newest first. */
    anomalies(since: number): InsightAnomaly[] {
      const recent = history.filter((anomaly) => (anomaly.endedAt ?? 0) >= since).reverse();
      return [...[...open.values()].sort((a, b) => b.firstSeen - a.firstSeen), ...recent];
    },
    openAnomalies: (): InsightAnomaly[] => [...open.values()],
  };
}

export type AnomalyScanner = ReturnType<typeof createAnomalyScanner>;
