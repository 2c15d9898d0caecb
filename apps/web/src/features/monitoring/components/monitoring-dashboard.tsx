import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSubscription } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type {
  DashboardSnapshotSubscription as DashboardSnapshotData,
  MonitoringDashboard_SnapshotFragmentFragment,
} from '../../../gql/graphql.ts';
import { useConnectionState } from '../../../hooks/use-connection-state.ts';
import { DashboardSnapshotSubscription } from '../api/dashboard-snapshot.ts';
import { chartWindow } from '../utils/chart-window.ts';
import { SEVERITY_LABELS } from './recent-alerts.tsx';
import { parseTimeRange, resolveTimeRange, withTimeRange, zoomOut } from '../utils/time-range.ts';
import type { TimeRange } from '../utils/time-range.ts';
import { useInsight, useInsightAnnotations } from '../hooks/use-insight.ts';
import { useKioskChartHeight } from '../hooks/use-kiosk-chart-height.ts';
import { useLoadTestRanges } from '../hooks/use-load-test-ranges.ts';
import { CacheHitRateChart } from './cache-hit-rate-chart.tsx';
import { CacheOperations } from './cache-operations.tsx';
import { CacheTiersPanel } from './cache-tiers-panel.tsx';
import { ConnectionBadge, liveStatus } from './connection-badge.tsx';
import { DependencyStatusList } from './dependency-status-list.tsx';
import { InstancePicker } from './instance-picker.tsx';
import { useInstanceParam } from '../hooks/use-instance-param.ts';
import { ErrorRateChart } from './error-rate-chart.tsx';
import { MemoryChart } from './memory-chart.tsx';
import { MetricCards } from './metric-cards.tsx';
import { InsightPanel } from './insight-panel.tsx';
import { RecentAlerts } from './recent-alerts.tsx';
import { ResponseTimeChart } from './response-time-chart.tsx';
import { ShareLink } from './share-link.tsx';
import { ThroughputChart } from './throughput-chart.tsx';
import { TimeRangePicker } from './time-range-picker.tsx';
import type { ChartAnnotation } from './chart-annotations.tsx';
import './monitoring.css';
import { AfterFirstPaint } from '../../../components/after-first-paint.tsx';

export const MonitoringDashboard_SnapshotFragment = graphql(`
  fragment MonitoringDashboard_SnapshotFragment on Snapshot {
    activeAlerts {
      fingerprint
      name
      severity
      startsAt
    }
  }
`);

type PushedSnapshot = DashboardSnapshotData['snapshot'];

/** Snapshots kept for the trend arrows (the latest and the ones before it). */
const HISTORY_LENGTH = 10;

const keepHistory = (history: PushedSnapshot[] = [], response: DashboardSnapshotData) =>
  [...history, response.snapshot].slice(-HISTORY_LENGTH);

/**
 * The live monitoring dashboard: key numbers pushed by the `snapshot` subscription, five charts
 * over a range kept in the URL, dependencies, cache tiers (with operations) and active alerts.
 * `?kiosk` is for wall screens: no controls, and everything fits the screen without scrolling.
 */
export function MonitoringDashboard() {
  const [searchParams, setSearchParams] = useSearchParams();
  const range = useMemo(() => parseTimeRange(searchParams), [searchParams]);
  const kiosk = searchParams.has('kiosk');
  const [instance] = useInstanceParam();
  const [paused, setPaused] = useState(false);
  const [openedAt] = useState(() => Date.now());
  const connection = useConnectionState();
  const kioskCharts = useKioskChartHeight(kiosk);

  const [{ data: history, error }] = useSubscription(
    { query: DashboardSnapshotSubscription, pause: paused, variables: { instance } },
    keepHistory,
  );
  const latest = history?.at(-1) ?? null;
  const previous = history?.at(-2) ?? null;
  const dashboard = useFragment(MonitoringDashboard_SnapshotFragment, latest);

  // Relative ranges end at the server's clock of the latest snapshot, so the charts move with it.
  const now = latest === null ? openedAt : Date.parse(latest.at);
  const resolved = resolveTimeRange(range, now);
  const window = chartWindow(resolved, range.kind === 'relative', instance);
  const refreshKey = range.kind === 'relative' && !paused ? (latest?.at ?? null) : null;
  const insight = useInsight(resolved.from, refreshKey);
  const annotations = useDashboardAnnotations(dashboard?.activeAlerts ?? [], insight.data);

  const setRange = (next: TimeRange) => {
    setSearchParams(withTimeRange(searchParams, next));
  };
  const onZoom = useCallback(
    ({ from, to }: { from: number; to: number }) => {
      setSearchParams(withTimeRange(searchParams, { kind: 'absolute', from, to }));
    },
    [searchParams, setSearchParams],
  );
  const shareUrl = `${location.origin}/monitoring?${withTimeRange(searchParams, {
    kind: 'absolute',
    ...resolved,
  }).toString()}`;
  const height = kioskCharts.chartHeight;
  const timeRanges = useLoadTestRanges(window.from);
  const chartProps = { window, refreshKey, annotations, timeRanges, onZoom, height };

  return (
    <div className={kiosk ? 'dashboard dashboard--kiosk' : 'dashboard'}>
      <div className="dashboard__bar">
        <ConnectionBadge
          status={liveStatus(connection, paused, error !== undefined)}
          lastUpdate={latest?.at ?? null}
        />
        {kiosk ? (
          <p className="dashboard__kiosk-title" aria-hidden="true">
            Taurine · Monitoring
          </p>
        ) : (
          <DashboardControls
            paused={paused}
            onTogglePause={() => {
              setPaused(!paused);
            }}
            range={range}
            resolved={resolved}
            onChange={setRange}
            onZoomOut={() => {
              setRange(zoomOut(resolved, Math.max(now, Date.now())));
            }}
            latestAt={latest?.at ?? null}
            shareUrl={shareUrl}
          />
        )}
      </div>
      {error === undefined ? null : <QueryProblem error={error} />}
      <MetricCards snapshot={latest} previous={previous} />
      <div className="dashboard__grid">
        <div className="dashboard__charts" ref={kiosk ? kioskCharts.parentRef : undefined}>
          <ResponseTimeChart {...chartProps} />
          <ThroughputChart {...chartProps} />
          <ErrorRateChart {...chartProps} />
          <MemoryChart {...chartProps} />
          <CacheHitRateChart {...chartProps} />
          {/* A wall screen has the tiers in the sixth cell of the 3 × 2 chart grid. */}
          {kiosk ? <CacheTiersPanel window={window} /> : null}
        </div>
        <aside className="dashboard__side" aria-label="Status">
          <DependencyStatusList snapshot={latest} connection={connection} />
          <RecentAlerts snapshot={latest} />
          {kiosk ? null : (
            // Secondary panels: their own short tasks after the key numbers and charts paint.
            <AfterFirstPaint>
              <InsightPanel data={insight.data} />
              <CacheTiersPanel window={window} />
              <CacheOperations />
            </AfterFirstPaint>
          )}
        </aside>
      </div>
    </div>
  );
}

/** The dashboard's controls (not on a wall screen): pause, range, instance, share link. */
function DashboardControls(props: {
  paused: boolean;
  onTogglePause: () => void;
  range: TimeRange;
  resolved: { from: number; to: number };
  onChange: (next: TimeRange) => void;
  onZoomOut: () => void;
  latestAt: string | null;
  shareUrl: string;
}) {
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-pressed={props.paused}
        onClick={props.onTogglePause}
      >
        {props.paused ? 'Resume' : 'Pause'}
      </button>
      <TimeRangePicker
        range={props.range}
        resolved={props.resolved}
        onChange={props.onChange}
        onZoomOut={props.onZoomOut}
      />
      <InstancePicker refreshKey={props.latestAt} />
      <ShareLink url={props.shareUrl} />
    </>
  );
}

type ActiveAlerts = MonitoringDashboard_SnapshotFragmentFragment['activeAlerts'];

/** Chart markers: active alerts, deployments and regressions. */
function useDashboardAnnotations(
  activeAlerts: ActiveAlerts,
  insight: Parameters<typeof useInsightAnnotations>[0],
): ChartAnnotation[] {
  const alertAnnotations = useAlertAnnotations(activeAlerts);
  const insightAnnotations = useInsightAnnotations(insight);
  return useMemo(
    () => [...alertAnnotations, ...insightAnnotations],
    [alertAnnotations, insightAnnotations],
  );
}

/** Chart markers for the active alerts: the same array while they stay the same, so the charts can skip a snapshot. */
function useAlertAnnotations(activeAlerts: ActiveAlerts): ChartAnnotation[] {
  const alertsKey = JSON.stringify(activeAlerts);
  return useMemo(
    (): ChartAnnotation[] =>
      (JSON.parse(alertsKey) as ActiveAlerts).map((alert) => ({
        t: Date.parse(alert.startsAt),
        label: alert.name,
        severity: alert.severity in SEVERITY_LABELS ? alert.severity : 'warning',
      })),
    [alertsKey],
  );
}
