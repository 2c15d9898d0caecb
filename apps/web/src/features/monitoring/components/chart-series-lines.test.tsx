import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { chartTimeScale, chartValueScale, latestValuesSummary } from '../utils/chart-scales.ts';
import { formatMs } from '../utils/format-metric.ts';
import { ChartSeriesLines } from './chart-series-lines.tsx';

const HEIGHT = 100;
const xScale = chartTimeScale(0, 4 * 60_000, 400);
const yScale = chartValueScale(10, HEIGHT);

const line = (values: (number | null)[]): ChartSeries => ({
  key: 'p95',
  label: 'p95',
  metricName: 'api.responseTime.p95',
  tags: {},
  color: '#000',
  points: values.map((value, index) => ({ t: index * 60_000, value })),
});

function drawn(values: (number | null)[]) {
  const { container } = render(
    <svg>
      <ChartSeriesLines series={[line(values)]} xScale={xScale} yScale={yScale} />
    </svg>,
  );
  const d = container.querySelector('[data-series="p95"] path')?.getAttribute('d') ?? '';
  return {
    /** The line's pieces: one per run of points with values. */
    segments: d.split('M').filter(Boolean),
    dots: container.querySelectorAll('[data-series="p95"] circle').length,
  };
}

afterEach(() => {
  cleanup();
});

describe('chart lines', () => {
  it('draws a series that is 0 along the bottom, not as missing', () => {
    const { segments, dots } = drawn([0, 0, 0, 0, 0]);
    expect(segments).toHaveLength(1);
    // Five points, all on the zero line at the bottom of the plot.
    const ys = segments[0]!.split('L').map((point) => Number(point.split(',')[1]));
    expect(ys).toEqual([HEIGHT, HEIGHT, HEIGHT, HEIGHT, HEIGHT]);
    expect(dots).toBe(0);
  });

  it('leaves a gap where a point is null, and draws a lone point as a dot', () => {
    expect(drawn([1, 2, null, 3, 4]).segments).toHaveLength(2);
    expect(drawn([1, null, 0, null, 2]).dots).toBe(3);
    expect(drawn([null, null, null]).segments).toEqual([]);
  });

  it('says "no data" only for a series without any value', () => {
    const summary = latestValuesSummary(
      [line([5, 0]), { ...line([null, null]), label: 'p99' }, { ...line([3, null]), label: 'p50' }],
      (value) => formatMs(value),
    );
    expect(summary).toBe('p95: 0 ms, p99: no data, p50: 3 ms');
  });
});
