import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import {
  formatCount,
  formatDuration,
  formatMB,
  formatMs,
  formatRate,
  formatRatio,
} from '../utils/format-metric.ts';
import { DASHBOARD_THRESHOLDS } from '../utils/thresholds.ts';
import { trendOf } from '../utils/trend.ts';
import type { Better } from '../utils/trend.ts';
import { MetricCard } from './metric-card.tsx';

export const MetricCards_SnapshotFragment = graphql(`
  fragment MetricCards_SnapshotFragment on Snapshot {
    uptimeSeconds
    responseTime {
      avg
      p95
    }
    requestsPerSecond
    requests24h
    errorRate
    activeUsers
    cacheHitRate
    memory {
      heapUsedMB
      rssMB
      heapUsedRatio
    }
    healthScore
    healthGrade
    healthNoData
    openRegressions
    healthPenalties {
      signal
      points
    }
  }
`);

type CardsSnapshot = FragmentType<typeof MetricCards_SnapshotFragment>;

interface MetricCardsProps {
  snapshot: CardsSnapshot | null;
  /** The snapshot before it, for the trend arrows. */
  previous: CardsSnapshot | null;
}

/** The key numbers of the latest snapshot, each with its trend since the previous one. */
export function MetricCards({ snapshot: snapshotRef, previous: previousRef }: MetricCardsProps) {
  const snapshot = useFragment(MetricCards_SnapshotFragment, snapshotRef);
  const previous = useFragment(MetricCards_SnapshotFragment, previousRef);
  const trend = (pick: (s: NonNullable<typeof snapshot>) => number | null, better: Better) =>
    snapshot && previous ? trendOf(pick(snapshot), pick(previous), better) : null;
  const loading = snapshot == null;

  return (
    <section className="metric-cards" aria-label="Key numbers">
      <MetricCard
        id="uptime"
        label="Uptime"
        value={loading ? null : formatDuration(snapshot.uptimeSeconds)}
        detail="since the server started"
      />
      <MetricCard
        id="response-time"
        label="Response time p95"
        value={loading ? null : formatMs(snapshot.responseTime.p95)}
        detail={
          loading ? 'avg … · last 5 min' : `avg ${formatMs(snapshot.responseTime.avg)} · last 5 min`
        }
        trend={trend((s) => s.responseTime.p95, 'down')}
        alarm={
          !loading &&
          snapshot.responseTime.p95 !== null &&
          snapshot.responseTime.p95 > DASHBOARD_THRESHOLDS.responseTimeP95Ms.value
        }
      />
      <MetricCard
        id="error-rate"
        label="Error rate"
        value={loading ? null : formatRatio(snapshot.errorRate)}
        detail="server errors per request · 5 min"
        trend={trend((s) => s.errorRate, 'down')}
        alarm={
          !loading &&
          snapshot.errorRate !== null &&
          snapshot.errorRate > DASHBOARD_THRESHOLDS.errorRate.value
        }
      />
      <MetricCard
        id="active-users"
        label="Active users"
        value={loading ? null : formatCount(snapshot.activeUsers)}
        detail="distinct visitors · 5 min"
        trend={trend((s) => s.activeUsers, 'neither')}
      />
      <MetricCard
        id="requests-24h"
        label="Requests (24 h)"
        value={loading ? null : formatCount(snapshot.requests24h)}
        detail={loading ? '… req/s' : formatRate(snapshot.requestsPerSecond)}
        trend={trend((s) => s.requests24h, 'neither')}
      />
      <MetricCard
        id="cache-hit-rate"
        label="Cache hit rate"
        value={loading ? null : formatRatio(snapshot.cacheHitRate)}
        detail="server tiers · 5 min"
        trend={trend((s) => s.cacheHitRate, 'up')}
        alarm={
          !loading &&
          snapshot.cacheHitRate !== null &&
          snapshot.cacheHitRate < DASHBOARD_THRESHOLDS.cacheHitRate.value
        }
      />
      <MetricCard
        id="memory"
        label="Heap used"
        value={loading ? null : formatMB(snapshot.memory.heapUsedMB)}
        detail={
          loading
            ? '… of limit · RSS …'
            : `${formatRatio(snapshot.memory.heapUsedRatio)} of limit · RSS ${formatMB(snapshot.memory.rssMB)}`
        }
        trend={trend((s) => s.memory.heapUsedMB, 'down')}
        alarm={!loading && snapshot.memory.heapUsedRatio > DASHBOARD_THRESHOLDS.heapUsedRatio.value}
      />
      <MetricCard
        id="health-score"
        label="Health score"
        value={
          loading ? null : `${snapshot.healthGrade} · ${Math.round(snapshot.healthScore)} / 100`
        }
        detail={loading ? '…' : healthDetail(snapshot)}
        trend={trend((s) => s.healthScore, 'up')}
        alarm={!loading && snapshot.healthScore < DASHBOARD_THRESHOLDS.healthScore.value}
      />
    </section>
  );
}

/** The score's explanation: penalties, signals without data, open regressions. */
function healthDetail(snapshot: {
  healthPenalties: readonly { signal: string; points: number }[];
  healthNoData: readonly string[];
  openRegressions: number;
}): string {
  const parts = [
    snapshot.healthPenalties.length === 0
      ? 'no penalties'
      : snapshot.healthPenalties
          .map((penalty) => `${penalty.signal} −${Math.round(penalty.points)}`)
          .join(', '),
  ];
  if (snapshot.healthNoData.length > 0) parts.push(`no data: ${snapshot.healthNoData.join(', ')}`);
  if (snapshot.openRegressions > 0)
    parts.push(
      `${snapshot.openRegressions} open regression${snapshot.openRegressions === 1 ? '' : 's'}`,
    );
  return parts.join(' · ');
}
