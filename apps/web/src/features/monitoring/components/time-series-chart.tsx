import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { useParentSize } from '@visx/responsive';
import { scaleLinear, scaleTime } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import { TooltipWithBounds, useTooltip } from '@visx/tooltip';
import { useId, useMemo, useState } from 'react';
import type { PointerEvent, ReactNode } from 'react';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { chartToCsv, countPoints, downloadText } from '../utils/chart-csv.ts';
import type { ChartThreshold } from '../utils/thresholds.ts';

/** An alert drawn on the time axis. */
export interface ChartAnnotation {
  t: number;
  label: string;
  severity: string;
}

export interface TimeSeriesChartProps {
  /** Short id: test id `chart-<id>` and the CSV file name. */
  id: string;
  title: string;
  series: readonly ChartSeries[];
  range: { from: number; to: number };
  formatValue: (value: number) => string;
  threshold?: ChartThreshold | undefined;
  annotations?: readonly ChartAnnotation[];
  /** Upper end of the value axis when it is fixed (ratios: 1). */
  yMax?: number;
  /** Shown instead of the chart, e.g. an error with a retry button. */
  problem?: ReactNode;
  fetching?: boolean;
  /** Called with the range selected by dragging across the chart. */
  onZoom: (range: { from: number; to: number }) => void;
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 56 };
/** Drags shorter than this (px) are clicks, not zooms. */
const MIN_DRAG_PX = 6;

interface TooltipData {
  t: number;
  rows: { key: string; label: string; color: string; value: number | null }[];
}

/**
 * A time-series chart drawn with visx: one line per series (gaps where there is no data), a
 * threshold band, alert markers on the time axis, a tooltip with exact values, drag-to-zoom, and
 * "Export CSV" of exactly the points drawn.
 */
export function TimeSeriesChart({
  id,
  title,
  series,
  range,
  formatValue,
  threshold,
  annotations = [],
  yMax,
  problem,
  fetching = false,
  onZoom,
  height = 220,
}: TimeSeriesChartProps) {
  const titleId = useId();
  const { parentRef, width: measured } = useParentSize({ initialSize: { width: 320 } });
  const width = Math.max(measured, 240);
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const [drag, setDrag] = useState<{ start: number; current: number } | null>(null);
  const { tooltipOpen, tooltipData, tooltipLeft, tooltipTop, showTooltip, hideTooltip } =
    useTooltip<TooltipData>();

  const xScale = useMemo(
    () => scaleTime({ domain: [range.from, range.to], range: [0, innerWidth] }),
    [range.from, range.to, innerWidth],
  );
  const dataMax = useMemo(() => {
    let max = 0;
    for (const line of series) {
      for (const point of line.points) if (point.value !== null) max = Math.max(max, point.value);
    }
    return max;
  }, [series]);
  const yScale = useMemo(
    () =>
      scaleLinear({
        domain: [0, yMax ?? (dataMax > 0 ? dataMax * 1.15 : 1)],
        range: [innerHeight, 0],
        nice: yMax === undefined,
      }),
    [yMax, dataMax, innerHeight],
  );

  const pointCount = countPoints(series);
  const times = series[0]?.points.map((point) => point.t) ?? [];
  const yDomainTop = yScale.domain()[1]!;
  const thresholdVisible = threshold !== undefined && threshold.value <= yDomainTop;

  const toLocalX = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.min(Math.max(event.clientX - box.left, 0), innerWidth);
  };

  const showTooltipAt = (x: number) => {
    if (times.length === 0) return;
    const t = xScale.invert(x).getTime();
    let nearest = 0;
    for (let index = 1; index < times.length; index += 1) {
      if (Math.abs(times[index]! - t) < Math.abs(times[nearest]! - t)) nearest = index;
    }
    const at = times[nearest]!;
    showTooltip({
      tooltipLeft: xScale(at) + MARGIN.left,
      tooltipTop: MARGIN.top + 8,
      tooltipData: {
        t: at,
        rows: series.map((line) => ({
          key: line.key,
          label: line.label,
          color: line.color,
          value: line.points[nearest]?.value ?? null,
        })),
      },
    });
  };

  const exportCsv = () => {
    const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');
    downloadText(chartToCsv(series), `taurine-${id}-${stamp(range.from)}_${stamp(range.to)}.csv`);
  };

  const summary = series
    .map((line) => {
      const last = [...line.points].reverse().find((point) => point.value !== null);
      return `${line.label}: ${last?.value == null ? 'no data' : formatValue(last.value)}`;
    })
    .join(', ');

  return (
    <figure
      className="chart panel"
      aria-labelledby={titleId}
      data-testid={`chart-${id}`}
      data-point-count={pointCount}
      data-range-from={new Date(range.from).toISOString()}
      data-range-to={new Date(range.to).toISOString()}
      aria-busy={fetching}
    >
      <div className="chart__header">
        <h3 id={titleId} className="chart__title">
          {title}
        </h3>
        <ul className="chart__legend">
          {series.map((line) => (
            <li key={line.key}>
              <span
                className="chart__swatch"
                style={{ background: line.color }}
                aria-hidden="true"
              />
              {line.label}
            </li>
          ))}
          {threshold === undefined ? null : (
            <li className={`chart__threshold-label chart__threshold-label--${threshold.severity}`}>
              {threshold.label}
              {thresholdVisible ? null : ' · off scale'}
            </li>
          )}
        </ul>
        <button
          type="button"
          className="button button--small"
          onClick={exportCsv}
          disabled={pointCount === 0}
          data-testid={`export-${id}`}
        >
          Export CSV
        </button>
      </div>
      <div ref={parentRef} className="chart__canvas" style={{ height }}>
        {problem ?? (
          <svg width={width} height={height} role="img" aria-label={`${title}. ${summary}`}>
            <Group left={MARGIN.left} top={MARGIN.top}>
              {thresholdVisible ? (
                <g className={`chart__band chart__band--${threshold.severity}`}>
                  <rect
                    x={0}
                    width={innerWidth}
                    y={threshold.above ? 0 : yScale(threshold.value)}
                    height={
                      threshold.above
                        ? yScale(threshold.value)
                        : innerHeight - yScale(threshold.value)
                    }
                  />
                  <Line
                    from={{ x: 0, y: yScale(threshold.value) }}
                    to={{ x: innerWidth, y: yScale(threshold.value) }}
                    strokeDasharray="4 4"
                  />
                </g>
              ) : null}
              {yScale.ticks(4).map((tick) => (
                <Line
                  key={tick}
                  className="chart__grid"
                  from={{ x: 0, y: yScale(tick) }}
                  to={{ x: innerWidth, y: yScale(tick) }}
                />
              ))}
              {series.map((line) =>
                line.points.map((point, index) =>
                  point.value !== null &&
                  (line.points[index - 1]?.value ?? null) === null &&
                  (line.points[index + 1]?.value ?? null) === null ? (
                    // A point without neighbours draws no line: show it as a dot.
                    <circle
                      key={`${line.key}-${point.t}`}
                      cx={xScale(point.t)}
                      cy={yScale(point.value)}
                      r={2.5}
                      fill={line.color}
                    />
                  ) : null,
                ),
              )}
              {series.map((line) => (
                <LinePath
                  key={line.key}
                  data={line.points as { t: number; value: number | null }[]}
                  x={(point) => xScale(point.t)}
                  y={(point) => yScale(point.value ?? 0)}
                  defined={(point) => point.value !== null}
                  stroke={line.color}
                  strokeWidth={2}
                  fill="none"
                  data-series={line.key}
                />
              ))}
              {annotations
                .filter((annotation) => annotation.t >= range.from && annotation.t <= range.to)
                .map((annotation) => (
                  <g
                    key={`${annotation.t}-${annotation.label}`}
                    className={`chart__annotation chart__annotation--${annotation.severity}`}
                    transform={`translate(${xScale(annotation.t)},0)`}
                    data-testid="chart-annotation"
                  >
                    <title>{`${annotation.label} (${annotation.severity}) at ${new Date(annotation.t).toLocaleTimeString()}`}</title>
                    <line y1={0} y2={innerHeight} strokeDasharray="2 3" />
                    <path d={`M-5,${innerHeight + 8} L5,${innerHeight + 8} L0,${innerHeight} Z`} />
                  </g>
                ))}
              <AxisLeft
                scale={yScale}
                numTicks={4}
                tickFormat={(value) => formatValue(Number(value))}
                axisClassName="chart__axis"
                hideAxisLine
                hideTicks
              />
              <AxisBottom
                top={innerHeight}
                scale={xScale}
                numTicks={Math.max(2, Math.floor(innerWidth / 90))}
                axisClassName="chart__axis"
              />
              {tooltipOpen && tooltipData ? (
                <Line
                  className="chart__crosshair"
                  from={{ x: xScale(tooltipData.t), y: 0 }}
                  to={{ x: xScale(tooltipData.t), y: innerHeight }}
                />
              ) : null}
              {drag ? (
                <rect
                  className="chart__selection"
                  x={Math.min(drag.start, drag.current)}
                  width={Math.abs(drag.current - drag.start)}
                  y={0}
                  height={innerHeight}
                />
              ) : null}
              <rect
                className="chart__overlay"
                width={innerWidth}
                height={innerHeight}
                fill="transparent"
                data-testid={`chart-${id}-overlay`}
                onPointerDown={(event) => {
                  event.currentTarget.setPointerCapture(event.pointerId);
                  const x = toLocalX(event);
                  setDrag({ start: x, current: x });
                }}
                onPointerMove={(event) => {
                  const x = toLocalX(event);
                  if (drag) setDrag({ ...drag, current: x });
                  showTooltipAt(x);
                }}
                onPointerUp={() => {
                  if (drag && Math.abs(drag.current - drag.start) >= MIN_DRAG_PX) {
                    const from = xScale.invert(Math.min(drag.start, drag.current)).getTime();
                    const to = xScale.invert(Math.max(drag.start, drag.current)).getTime();
                    onZoom({ from: Math.round(from), to: Math.round(to) });
                  }
                  setDrag(null);
                }}
                onPointerLeave={() => {
                  if (!drag) hideTooltip();
                }}
              />
            </Group>
          </svg>
        )}
        {tooltipOpen && tooltipData && problem === undefined ? (
          <TooltipWithBounds
            left={tooltipLeft}
            top={tooltipTop}
            className="chart__tooltip"
            unstyled
            applyPositionStyle
          >
            <p className="chart__tooltip-time">{new Date(tooltipData.t).toLocaleString()}</p>
            <table>
              <tbody>
                {tooltipData.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      <span className="chart__swatch" style={{ background: row.color }} />
                      {row.label}
                    </th>
                    <td>{row.value === null ? 'no data' : formatValue(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TooltipWithBounds>
        ) : null}
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
