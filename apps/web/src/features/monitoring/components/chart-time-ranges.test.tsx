import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chartTimeScale } from '../utils/chart-scales.ts';
import { ChartTimeRanges } from './chart-time-ranges.tsx';

const FROM = Date.parse('2026-12-01T10:00:00Z');
const range = { from: FROM, to: FROM + 600_000 };

afterEach(() => {
  cleanup();
});

describe('ChartTimeRanges', () => {
  it('shades each run inside the range, clipped to it, and names it on hover', () => {
    const xScale = chartTimeScale(range.from, range.to, 600);
    render(
      <svg>
        <ChartTimeRanges
          range={range}
          xScale={xScale}
          innerHeight={100}
          timeRanges={[
            { from: FROM + 60_000, to: FROM + 120_000, label: 'Load test “a”', tone: 'load-test' },
            { from: FROM - 60_000, to: FROM + 30_000, label: 'Load test “b”', tone: 'load-test' },
            {
              from: FROM - 120_000,
              to: FROM - 60_000,
              label: 'Load test “old”',
              tone: 'load-test',
            },
          ]}
        />
      </svg>,
    );
    const shaded = screen.getAllByTestId('chart-time-range');
    expect(shaded).toHaveLength(2);
    expect([shaded[0]!.getAttribute('x'), shaded[0]!.getAttribute('width')]).toEqual(['60', '60']);
    // Started before the range: drawn from its left edge.
    expect([shaded[1]!.getAttribute('x'), shaded[1]!.getAttribute('width')]).toEqual(['0', '30']);
    expect(shaded[0]!.textContent).toContain('Load test “a”');
    expect(shaded[0]!.getAttribute('class')).toContain('chart__time-range--load-test');
  });
});
